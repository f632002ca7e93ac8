/*
 * The RDNA2 shader core as a library: decode a shader once into an array
 * of decoded instructions, then run waves (wave32 or wave64) over it.
 *
 * Layout for speed: VGPRs are struct-of-arrays, vgpr[reg][lane], so one
 * VALU instruction is a loop over 64 contiguous lanes the compiler can
 * vectorise; the result is blended into the destination under EXEC.
 * All memory goes through struct shader_mem_ops, so the CP can route it
 * through the GMC (a failed access stops the wave with SHADER_FAULT).
 * Nothing here is thread-safe per wave; separate waves may run on
 * separate threads when their mem_ops and LDS allow it.
 */
#ifndef MODEL_SHADER_WAVE_H
#define MODEL_SHADER_WAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "isa_gfx10.h"

#define SHADER_MAX_LANES	64
#define SHADER_NUM_SREGS	128	/* s0..s105, VCC, TTMP, M0, NULL, EXEC */
#define SHADER_MAX_VGPRS	256

/* One decoded operand. */
enum shader_opk {
	OPK_NONE,
	OPK_SGPR,	/* reg = scalar register code 0..127 */
	OPK_VGPR,	/* reg = VGPR number */
	OPK_CONST,	/* imm = inline constant or literal, widened per type */
	OPK_SCC,	/* source 253 */
	OPK_VCCZ,	/* source 251 */
	OPK_EXECZ,	/* source 252 */
	OPK_OTHER,	/* LDS_DIRECT, apertures, POPS: not executed */
};

struct shader_operand {
	uint8_t kind;		/* enum shader_opk */
	uint8_t lit;		/* constant came from the literal dword */
	uint16_t reg;
	uint32_t code;		/* the raw operand code, for reports */
	uint64_t imm;
};

/* Per-instruction modifier bits (struct shader_inst .mods) */
#define MOD_CLAMP	(1u << 0)
#define MOD_GLC		(1u << 1)
#define MOD_SLC		(1u << 2)
#define MOD_DLC		(1u << 3)
#define MOD_OFFEN	(1u << 4)
#define MOD_IDXEN	(1u << 5)
#define MOD_GDS		(1u << 6)
#define MOD_LDS		(1u << 7)
#define MOD_TFE		(1u << 8)
#define MOD_VOP3	(1u << 9)	/* VOP1/VOP2/VOPC in the VOP3 encoding */
#define MOD_DPP16	(1u << 10)
#define MOD_DPP8	(1u << 11)
#define MOD_SDWA	(1u << 12)
#define MOD_FI		(1u << 13)	/* DPP fetch inactive */
#define MOD_BOUND_CTRL	(1u << 14)

/*
 * One decoded instruction.  Operand roles by class:
 *   SALU/VALU: dst, sdst (lane-mask / carry destination), src[0..2].
 *   SMEM:  dst = SDATA, src[0] = SBASE, src[1] = SOFFSET, offset.
 *   DS:    dst = VDST, src[0] = ADDR, src[1] = DATA0, src[2] = DATA1,
 *          offset = OFFSET0, offset1 = OFFSET1.
 *   MUBUF: dst = VDATA, src[0] = VADDR, src[1] = SRSRC, src[2] = SOFFSET;
 *          MTBUF too, offset1 = FORMAT.
 *   MIMG:  dst = VDATA, src[0] = VADDR, src[1] = SRSRC, offset = the
 *          address VGPRs (8 bits each), offset1 = MIMG_I_* (isa_gfx10.h).
 *   FLAT:  dst = VDST, src[0] = ADDR, src[1] = DATA, src[2] = SADDR
 *          (SCRATCH: src[0] none when SADDR is 0x7f).
 *   SOPP:  offset = SIMM16; branches: target = instruction index.
 */
struct shader_inst {
	uint16_t op;		/* enum isa_op */
	uint8_t fmt;		/* enum isa_fmt (of the opcode table) */
	uint8_t ndw;		/* dwords, literal and DPP/SDWA included */
	uint16_t mods;		/* MOD_* */
	uint8_t abs, neg;	/* per source bit (VOP3, DPP, SDWA) */
	uint8_t neg_hi, opsel, opsel_hi, omod;
	uint8_t sdwa_sel[3];	/* src0, src1, dst (SDWA_SEL_*) */
	uint8_t sdwa_sext;	/* per source bit */
	uint8_t sdwa_unused;
	uint16_t dpp_ctrl;
	uint8_t row_mask, bank_mask;
	uint32_t dpp8;		/* 8 selectors of 3 bits */
	int32_t offset;
	int32_t offset1;
	int32_t target;		/* branch target index, -1 = none/invalid */
	uint32_t pc;		/* byte offset in the shader */
	struct shader_operand dst, sdst, src[3];
};

/* A decoded shader. */
struct shader_program {
	uint64_t va;			/* GPU address of dword 0 (for s_getpc) */
	const uint32_t *code;		/* the caller's dwords (not owned) */
	size_t ndw;
	struct shader_inst *insts;
	uint32_t ninsts;
	int32_t *index_of_dw;		/* dword -> instruction index, or -1 */
	uint32_t nillegal;		/* instructions the decoder did not know */
	uint32_t first_illegal_pc;
};

/* Why a wave stopped. */
enum shader_status {
	SHADER_RUNNING,
	SHADER_ENDPGM,		/* s_endpgm */
	SHADER_BARRIER,		/* s_barrier, the callback asked to yield */
	SHADER_ILLEGAL,		/* unknown or malformed instruction */
	SHADER_UNSUPPORTED,	/* known encoding, not executed yet */
	SHADER_FAULT,		/* memory access failed: fault_va */
	SHADER_BAD_PC,		/* branch / setpc outside the shader */
	SHADER_BUDGET,		/* the instruction budget ran out */
};

struct shader_stop {
	enum shader_status status;
	uint32_t pc;		/* byte offset of the stopping instruction */
	uint32_t ndw;
	uint32_t dw[3];		/* its first dwords */
	uint64_t fault_va;
	bool fault_write;
	const char *why;	/* SHADER_UNSUPPORTED: what, if known (static), else NULL */
};

/*
 * Memory seen by the shader.  read and write return 0 on success and
 * nonzero when the access faults (unmapped, no permission): the wave then
 * stops.  host_ptr (optional, may be NULL) is the fast path: a host
 * pointer for [va, va + len) when that is plain memory allowing every
 * SHADER_MEM_* access in `access`, else NULL and the access goes through
 * read/write, which fault exactly.  Atomics need it to be atomic on the
 * host when waves of other workgroups run on other host threads (mem.c).
 */
#define SHADER_MEM_READ		1u
#define SHADER_MEM_WRITE	2u

struct shader_mem_ops {
	int (*read)(void *ctx, uint64_t va, void *dst, size_t len);
	int (*write)(void *ctx, uint64_t va, const void *src, size_t len);
	void *(*host_ptr)(void *ctx, uint64_t va, size_t len, unsigned access);
};

/*
 * Called at s_barrier.  Return true when the wave may go on (every wave
 * of the workgroup arrived), false to stop the run with SHADER_BARRIER;
 * shader_wave_run() then resumes after the barrier.  NULL: a one-wave
 * workgroup, the barrier is a no-op.
 */
struct shader_wave;
typedef bool (*shader_barrier_fn)(void *ctx, struct shader_wave *w);

struct shader_wave {
	/* Scalar file indexed by operand code: VCC at 106, M0 at 124, EXEC at 126. */
	uint32_t sgpr[SHADER_NUM_SREGS];
	uint32_t (*vgpr)[SHADER_MAX_LANES];	/* vgpr[reg][lane], all 256 */
	unsigned nlanes;		/* 32 or 64 */
	bool scc;
	uint32_t mode;			/* MODE register, MODE_* fields */
	/*
	 * FLAT_SCRATCH: the wave's scratch (private) base for SCRATCH ops;
	 * on gfx10 the shader sets it with s_setreg_b32 HW_REG_FLAT_SCR_LO/HI
	 * (LLVM SIDefines.h ID_FLAT_SCR_LO = 20, ID_FLAT_SCR_HI = 21).
	 */
	uint64_t flat_scratch;
	/*
	 * GB_ADDR_CONFIG of the chip (pipes, pipe interleave, packers): the
	 * swizzled image layouts depend on it (swizzle.c).  Set at launch.
	 */
	uint32_t gb_addr_config;
	/*
	 * gfx10 wave64 shared VGPRs [shared_vgpr_base, + shared_vgpr_count):
	 * one 32-lane register serves both halves, so lanes l and l ^ 32
	 * see the same value (ACO's wave64 ds_bpermute moves data between
	 * the halves through them).  The launcher sets them from
	 * COMPUTE_PGM_RSRC1.VGPRS ((n + 1) * 4 private VGPRs) and
	 * COMPUTE_PGM_RSRC3.SHARED_VGPR_CNT (x 8); 0 = none.
	 */
	uint16_t shared_vgpr_base, shared_vgpr_count;
	uint32_t next;			/* index of the next instruction */

	const struct shader_mem_ops *mem;
	void *mem_ctx;
	uint8_t *lds;			/* the workgroup's LDS, may be NULL */
	uint32_t lds_size;
	shader_barrier_fn barrier;
	void *barrier_ctx;

	const struct shader_program *prog;	/* set by shader_wave_run */
	uint64_t executed;		/* instructions executed */
	struct shader_stop stop;
};

/*
 * Copy a lane's few bytes.  Most are 4, 8 or 16: as fixed sizes they
 * become plain moves instead of a call into the C library (a visible
 * share of every vector memory instruction).
 */
static inline void
shader_copy_small(void *dst, const void *src, size_t len)
{
	switch (len) {
	case 4:
		memcpy(dst, src, 4);
		break;
	case 8:
		memcpy(dst, src, 8);
		break;
	case 16:
		memcpy(dst, src, 16);
		break;
	default:
		memcpy(dst, src, len);
		break;
	}
}

/* decode.c */
int	shader_decode(const uint32_t *code, size_t ndw, uint64_t va,
	    struct shader_program **out);
void	shader_program_free(struct shader_program *p);
const char *shader_op_name(unsigned op);

/* interp.c */
int	shader_wave_init(struct shader_wave *w, unsigned nlanes);
void	shader_wave_fini(struct shader_wave *w);
enum shader_status shader_wave_run(struct shader_wave *w,
	    const struct shader_program *p, uint64_t budget);
const char *shader_status_name(enum shader_status s);

#endif
