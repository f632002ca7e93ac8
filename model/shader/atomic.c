/*
 * Atomics: which operation an opcode performs, what it computes, and the
 * one read-modify-write helper every class uses.
 *
 * Semantics: AMD RDNA2 ISA guide, DS and MUBUF/FLAT opcode descriptions
 * (tmp = MEM[ADDR]; MEM[ADDR] = op(tmp, DATA...); RETURN_DATA = tmp).
 * Operand order differs by class (ISA guide, DS_CMPST_B32: "the order of
 * src and cmp are the opposite of BUFFER_ATOMIC_CMPSWAP"): the callers
 * put the new value in data and the compare value in data2.
 * Float min/max follow IEEE minNum/maxNum (a NaN operand yields the
 * other one; -0 orders below +0), float compare-swap compares as floats.
 */
#include <math.h>

#include "mem.h"
#include "vmem.h"

/* DS: low 5 bits of the opcode (DSInstructions.td; +0x20 = _rtn, +0x40 = 64-bit). */
static const uint8_t ds_kind[32] = {
	[0x00] = ATOM_ADD, [0x01] = ATOM_SUB, [0x02] = ATOM_RSUB,
	[0x03] = ATOM_INC, [0x04] = ATOM_DEC, [0x05] = ATOM_SMIN,
	[0x06] = ATOM_SMAX, [0x07] = ATOM_UMIN, [0x08] = ATOM_UMAX,
	[0x09] = ATOM_AND, [0x0a] = ATOM_OR, [0x0b] = ATOM_XOR,
	[0x0c] = ATOM_MSKOR, [0x0d] = ATOM_SWAP,	/* 0x2d wrxchg_rtn */
	[0x10] = ATOM_CMPSWAP, [0x11] = ATOM_FCMPSWAP, [0x12] = ATOM_FMIN,
	[0x13] = ATOM_FMAX, [0x15] = ATOM_FADD,
};

/* MUBUF/GLOBAL/FLAT: opcode - 0x30 (32-bit) or - 0x50 (64-bit), BUFInstructions.td; MIMG: - 15. */
static const uint8_t vmem_kind[17] = {
	ATOM_SWAP, ATOM_CMPSWAP, ATOM_ADD, ATOM_SUB, ATOM_NONE /* csub */,
	ATOM_SMIN, ATOM_UMIN, ATOM_SMAX, ATOM_UMAX, ATOM_AND, ATOM_OR,
	ATOM_XOR, ATOM_INC, ATOM_DEC, ATOM_FCMPSWAP, ATOM_FMIN, ATOM_FMAX,
};

#define MIMG_ATOMIC		15	/* image_atomic_swap; + k as vmem_kind */
#define VMEM_ATOMIC_32		0x30
#define VMEM_ATOMIC_64		0x50
#define DS_64BIT		0x40u

/* The operation of an atomic opcode and its width in bytes (4 or 8). */
enum atomic_kind
atomic_kind_of(const struct shader_inst *in, unsigned *bytes)
{
	unsigned hw = isa_ops[in->op].hw;

	if (in->fmt == FMT_DS) {
		/* ds_add_rtn_f32 sits at 0x55, in the 64-bit block */
		*bytes = (hw & DS_64BIT) && in->op != ISA_OP_DS_ADD_RTN_F32 ?
		    8 : 4;
		return ds_kind[hw & 0x1f];
	}
	if (in->fmt == FMT_MIMG) {	/* the width comes from the image format */
		*bytes = 4;
		return hw >= MIMG_ATOMIC && hw - MIMG_ATOMIC < 17 ?
		    vmem_kind[hw - MIMG_ATOMIC] : ATOM_NONE;
	}
	if (hw >= VMEM_ATOMIC_64 && hw - VMEM_ATOMIC_64 < 17) {
		*bytes = 8;
		return vmem_kind[hw - VMEM_ATOMIC_64];
	}
	*bytes = 4;
	if (hw >= VMEM_ATOMIC_32 && hw - VMEM_ATOMIC_32 < 17)
		return vmem_kind[hw - VMEM_ATOMIC_32];
	return ATOM_NONE;
}

static double
as_float(uint64_t v, unsigned bytes)
{
	float f;
	double d;
	uint32_t u = (uint32_t)v;

	if (bytes == 8) {
		memcpy(&d, &v, 8);
		return d;
	}
	memcpy(&f, &u, 4);
	return f;
}

static uint64_t
from_float(double x, unsigned bytes)
{
	float f = (float)x;
	uint32_t u;
	uint64_t v;

	if (bytes == 8) {
		memcpy(&v, &x, 8);
		return v;
	}
	memcpy(&u, &f, 4);
	return u;
}

/* IEEE minNum/maxNum on raw values; -0 < +0. */
static uint64_t
float_minmax(uint64_t a, uint64_t b, unsigned bytes, bool max)
{
	double x = as_float(a, bytes), y = as_float(b, bytes);

	if (isnan(x))
		return b;
	if (isnan(y))
		return a;
	if (x == y)	/* equal, or +0 and -0: pick by sign */
		return (signbit(x) != 0) == max ? b : a;
	return (x < y) != max ? a : b;
}

static int64_t
as_signed(uint64_t v, unsigned bytes)
{
	return bytes == 8 ? (int64_t)v : (int64_t)(int32_t)(uint32_t)v;
}

/* new = op(old, data, data2), truncated to the access width. */
uint64_t
atomic_apply(const struct atomic_req *r, uint64_t old)
{
	uint64_t d = r->data, m = r->bytes == 8 ? ~0ull : 0xffffffffull, v;
	unsigned b = r->bytes;

	switch (r->kind) {
	case ATOM_SWAP: v = d; break;
	case ATOM_CMPSWAP: v = old == r->data2 ? d : old; break;
	case ATOM_ADD: v = old + d; break;
	case ATOM_SUB: v = old - d; break;
	case ATOM_RSUB: v = d - old; break;
	case ATOM_SMIN:
		v = as_signed(d, b) < as_signed(old, b) ? d : old;
		break;
	case ATOM_SMAX:
		v = as_signed(d, b) > as_signed(old, b) ? d : old;
		break;
	case ATOM_UMIN: v = d < old ? d : old; break;
	case ATOM_UMAX: v = d > old ? d : old; break;
	case ATOM_AND: v = old & d; break;
	case ATOM_OR: v = old | d; break;
	case ATOM_XOR: v = old ^ d; break;
	case ATOM_INC: v = old >= d ? 0 : old + 1; break;
	case ATOM_DEC: v = old == 0 || old > d ? d : old - 1; break;
	case ATOM_MSKOR: v = (old & ~d) | r->data2; break;
	case ATOM_FCMPSWAP:
		v = as_float(old, b) == as_float(r->data2, b) ? d : old;
		break;
	case ATOM_FMIN: v = float_minmax(old, d, b, false); break;
	case ATOM_FMAX: v = float_minmax(old, d, b, true); break;
	case ATOM_FADD:
		v = from_float(b == 8 ? as_float(old, b) + as_float(d, b) :
		    (double)((float)as_float(old, b) + (float)as_float(d, b)), b);
		break;
	default: v = old; break;
	}
	return v & m;
}

/* atomic_apply() in the callback form a memory read-modify-write takes. */
static uint64_t
apply_cb(const void *arg, uint64_t old)
{
	return atomic_apply(arg, old);
}

/*
 * The read-modify-write of one lane: *old = MEM[addr]; MEM[addr] =
 * atomic_apply(r, *old).  LDS (one workgroup's, touched by one host
 * thread) out of range reads 0 and drops the write (lds_read/lds_write).
 * Memory goes through shader_mem_rmw() (mem.c: atomic on the host memory
 * across the shader pool's threads); a fault stops the wave (returns false).
 * Every atomic of every class comes here.
 */
bool
atomic_rmw(struct shader_wave *w, const struct shader_inst *in,
    enum atomic_space sp, uint64_t addr, const struct atomic_req *r,
    uint64_t *old)
{
	uint64_t o = 0, n;
	bool fault_write;

	if (sp == ATOMIC_LDS) {
		lds_read(w, (uint32_t)addr, &o, r->bytes);
		n = atomic_apply(r, o);
		lds_write(w, (uint32_t)addr, &n, r->bytes);
		*old = o;
		return true;
	}
	if (shader_mem_rmw(w, addr, r->bytes, apply_cb, r, old, &fault_write) != 0) {
		wave_fault(w, in, addr, fault_write);
		return false;
	}
	return true;
}
