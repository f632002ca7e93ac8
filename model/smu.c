/*
 * SMU (MP1 11.0.12): the power-management firmware's message mailbox.
 * The driver writes an argument to C2PMSG_82 and a message id to
 * C2PMSG_66; the PMFW answers later, on its engine thread, with a result
 * in C2PMSG_82 and a response code in C2PMSG_90.  Nothing answers until
 * the PSP has loaded the SMU firmware.
 *
 * Message ids and response codes: Linux pm/swsmu/inc/pmfw_if/
 * smu_v11_0_7_ppsmc.h; how the driver uses them: smu_cmn.c, smu_v11_0.c,
 * sienna_cichlid_ppt.c.  docs/model.md "SMU (MP1 11.0)" lists what is
 * answered.
 */
#include <stdlib.h>

#include "amd/mp_11_0_reg.h"
#include "amd/psp_gfx_if.h"
#include "model.h"
#include "psp.h"

/* smu_v11_0_7_ppsmc.h PPSMC_MSG_* */
#define MSG_GET_SMU_VERSION		0x02
#define MSG_GET_DRIVER_IF_VERSION	0x03
#define MSG_SET_ALLOWED_MASK_LOW	0x04
#define MSG_SET_ALLOWED_MASK_HIGH	0x05
#define MSG_ENABLE_ALL_FEATURES		0x06
#define MSG_DISABLE_ALL_FEATURES	0x07
#define MSG_GET_RUNNING_LOW		0x0c
#define MSG_GET_RUNNING_HIGH		0x0d

/* smu_v11_0_7_ppsmc.h PPSMC_Result_* */
#define RESULT_OK		0x01
#define RESULT_FAILED		0xff
#define RESULT_UNKNOWN_CMD	0xfe
#define RESULT_PREREQ		0xfd

/*
 * PMFW 59.42.0: ucode_version 0x003B2A00 of the smc.bin common header
 * (navi23-facts.md 4.2).  The signed image itself carries the same three
 * bytes at +0x60, byte-swapped, so we do not derive it from there.
 */
#define PMFW_VERSION		0x003b2a00u
/* pm/swsmu/inc/smu_v11_0.h SMU11_DRIVER_IF_VERSION_Dimgrey_Cavefish */
#define PMFW_DRIVER_IF_VERSION	0x0fu
/* Features this PMFW has: bits 0-52 (53-63 are FEATURE_SPARE_*_BIT in
 * pmfw_if/smu11_driver_if_sienna_cichlid.h). */
#define PMFW_FEATURES		((1ull << 53) - 1)

struct smu_state {
	struct model_engine eng;
	/* m->lock protects all of it. */
	bool running, msg_pending;
	bool allowed_lo_set, allowed_hi_set;
	uint64_t allowed, enabled;
};

uint32_t
smu_firmware_flags(struct navi23 *m)
{
	return psp_ucode_loaded(m, GFX_FW_TYPE_SMU) ?
	    MP1_FIRMWARE_FLAGS_INTERRUPTS_ENABLED : 0;
}

/* The PMFW boots and reports ready: a response with no message pending. */
void
smu_pmfw_start(struct navi23 *m)
{
	m->smu->running = true;
	reg_put(m, SMU_RESP_REG, RESULT_OK);
}

static uint32_t
enable_all(struct smu_state *s)
{
	if (!s->allowed_lo_set || !s->allowed_hi_set)
		return RESULT_PREREQ;
	s->enabled = s->allowed & PMFW_FEATURES;
	return RESULT_OK;
}

/* One message; *arg is the argument in and the result out (m->lock held). */
static uint32_t
answer(struct navi23 *m, uint32_t msg, uint32_t *arg)
{
	struct smu_state *s = m->smu;

	switch (msg) {
	case MSG_GET_SMU_VERSION:
		*arg = PMFW_VERSION;
		return RESULT_OK;
	case MSG_GET_DRIVER_IF_VERSION:
		*arg = PMFW_DRIVER_IF_VERSION;
		return RESULT_OK;
	case MSG_SET_ALLOWED_MASK_LOW:
		s->allowed = (s->allowed & ~0xffffffffull) | *arg;
		s->allowed_lo_set = true;
		return RESULT_OK;
	case MSG_SET_ALLOWED_MASK_HIGH:
		s->allowed = (s->allowed & 0xffffffffull) | (uint64_t)*arg << 32;
		s->allowed_hi_set = true;
		return RESULT_OK;
	case MSG_ENABLE_ALL_FEATURES:
		return enable_all(s);
	case MSG_DISABLE_ALL_FEATURES:
		s->enabled = 0;
		return RESULT_OK;
	case MSG_GET_RUNNING_LOW:
		*arg = (uint32_t)s->enabled;
		return RESULT_OK;
	case MSG_GET_RUNNING_HIGH:
		*arg = (uint32_t)(s->enabled >> 32);
		return RESULT_OK;
	default:
		model_log(m, "smu: message 0x%x unknown", msg);
		return RESULT_UNKNOWN_CMD;
	}
}

static void
smu_work(struct model_engine *e)
{
	struct navi23 *m = e->m;
	struct smu_state *s = m->smu;
	uint32_t msg, arg, resp;

	pthread_mutex_lock(&m->lock);
	if (!s->msg_pending) {
		pthread_mutex_unlock(&m->lock);
		return;
	}
	s->msg_pending = false;
	if (!s->running) {
		pthread_mutex_unlock(&m->lock);
		model_log(m, "smu: message before the PMFW runs: no answer");
		return;
	}
	msg = reg_get(m, SMU_MSG_REG);
	arg = reg_get(m, SMU_ARG_REG);
	resp = answer(m, msg, &arg);
	if (!engine_drop_write(e)) {
		reg_put(m, SMU_ARG_REG, arg);
		reg_put(m, SMU_RESP_REG, resp);
	}
	pthread_mutex_unlock(&m->lock);
}

static void
smu_write_reg(struct navi23 *m, uint32_t reg, uint32_t val)
{
	if (reg == SMU_MSG_REG) {
		m->smu->msg_pending = true;
		engine_kick(&m->smu->eng);
	}
}

const struct model_block smu_block = {
	.name = "smu",
	.write = smu_write_reg,
};

int
mdl_smu_init(struct navi23 *m)
{
	m->smu = calloc(1, sizeof(*m->smu));
	if (m->smu == NULL)
		return -1;
	model_claim(m, BLK_SMU, SMU_MSG_REG);
	engine_init(&m->smu->eng, m, NAVI23_ENG_SMU, "smu", smu_work, m->smu);
	return 0;
}

void
mdl_smu_fini(struct navi23 *m)
{
	if (m->smu == NULL)
		return;
	engine_fini(&m->smu->eng);
	free(m->smu);
	m->smu = NULL;
}
