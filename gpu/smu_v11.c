/*
 * SMU (MP1 11.0.12) driver: the PSP has loaded the power-management
 * firmware (PMFW); check that it runs, then talk to it through the
 * message mailbox: message id in C2PMSG_66, argument in C2PMSG_82,
 * response in C2PMSG_90.
 *
 * Follows Linux drivers/gpu/drm/amd/pm/swsmu: smu11/smu_v11_0.c
 * (smu_v11_0_check_fw_status, smu_v11_0_check_fw_version,
 * smu_v11_0_set_allowed_mask, smu_v11_0_system_features_control),
 * smu_cmn.c (__smu_cmn_poll_stat, __smu_cmn_reg2errno,
 * smu_cmn_send_smc_msg_with_param, smu_cmn_get_enabled_mask) and
 * smu11/sienna_cichlid_ppt.c (the Navi 2x message map, allowed features).
 * What is left out: the driver DRAM tables (SetDriverDramAddr*,
 * TransferTable*), the soft pptable, clocks and power limits.
 */
#include "amd/mp_11_0_reg.h"
#include "amd/nbio_2_3_reg.h"
#include "amdgpu.h"
#include "smu_v11.h"

/* Message ids: pm/swsmu/inc/pmfw_if/smu_v11_0_7_ppsmc.h (PPSMC_MSG_*),
 * the list sienna_cichlid_ppt.c maps for Sienna Cichlid, Navy Flounder
 * and Dimgrey Cavefish. */
#define PPSMC_MSG_GetSmuVersion			0x02
#define PPSMC_MSG_GetDriverIfVersion		0x03
#define PPSMC_MSG_SetAllowedFeaturesMaskLow	0x04
#define PPSMC_MSG_SetAllowedFeaturesMaskHigh	0x05
#define PPSMC_MSG_EnableAllSmuFeatures		0x06
#define PPSMC_MSG_GetRunningSmuFeaturesLow	0x0c
#define PPSMC_MSG_GetRunningSmuFeaturesHigh	0x0d

/* Responses in C2PMSG_90 (smu_v11_0_7_ppsmc.h PPSMC_Result_*). */
#define PPSMC_RESULT_NONE		0x00	/* no answer yet */
#define PPSMC_RESULT_OK			0x01
#define PPSMC_RESULT_FAILED		0xff
#define PPSMC_RESULT_UNKNOWN_CMD	0xfe
#define PPSMC_RESULT_REJECTED_PREREQ	0xfd
#define PPSMC_RESULT_REJECTED_BUSY	0xfc

/* pm/swsmu/inc/smu_v11_0.h SMU11_DRIVER_IF_VERSION_Dimgrey_Cavefish. */
#define SMU11_DRIVER_IF_VERSION_DIMGREY_CAVEFISH	0x0f

/*
 * Allowed features: a subset of what sienna_cichlid_get_allowed_feature_mask
 * allows, bit numbers from pmfw_if/smu11_driver_if_sienna_cichlid.h
 * (FEATURE_*_BIT): DPM prefetcher 0, GFXCLK 1, UCLK 3, FCLK 4, SOCCLK 5,
 * MP0CLK 6, LINK 7; deep sleep GFXCLK 12, SOCCLK 13; GFX_ULV 18,
 * FW_DSTATE 19; PPT 24, TDC 25, FW_CTF 31; FAN_CONTROL 32, THERMAL 33;
 * DF_CSTATE 45.  Display, video and gfxoff features are not requested.
 */
#define SMU_ALLOWED_FEATURES \
	((1ull << 0) | (1ull << 1) | (1ull << 3) | (1ull << 4) | (1ull << 5) | \
	 (1ull << 6) | (1ull << 7) | (1ull << 12) | (1ull << 13) | \
	 (1ull << 18) | (1ull << 19) | (1ull << 24) | (1ull << 25) | \
	 (1ull << 31) | (1ull << 32) | (1ull << 33) | (1ull << 45))

/* __smu_cmn_poll_stat waits usec_timeout * 20 (2 s) for a response. */
#define SMU_MSG_TIMEOUT_US	(GPU_TIMEOUT_US * 20)

struct smu_state {
	uint32_t smu_version;
	uint32_t if_version;
	uint64_t enabled_features;
};

static const char *
msg_name(uint32_t msg)
{
	switch (msg) {
	case PPSMC_MSG_GetSmuVersion:		return "GetSmuVersion";
	case PPSMC_MSG_GetDriverIfVersion:	return "GetDriverIfVersion";
	case PPSMC_MSG_SetAllowedFeaturesMaskLow: return "SetAllowedFeaturesMaskLow";
	case PPSMC_MSG_SetAllowedFeaturesMaskHigh: return "SetAllowedFeaturesMaskHigh";
	case PPSMC_MSG_EnableAllSmuFeatures:	return "EnableAllSmuFeatures";
	case PPSMC_MSG_GetRunningSmuFeaturesLow: return "GetRunningSmuFeaturesLow";
	case PPSMC_MSG_GetRunningSmuFeaturesHigh: return "GetRunningSmuFeaturesHigh";
	default:				return "unlisted";
	}
}

/* __smu_cmn_reg2errno, with the meaning of each response for the log. */
static int
resp_error(struct gpu_device *dev, uint32_t msg, uint32_t param, uint32_t resp)
{
	const char *why;

	switch (resp) {
	case PPSMC_RESULT_FAILED:		why = "failed"; break;
	case PPSMC_RESULT_UNKNOWN_CMD:		why = "unknown command"; break;
	case PPSMC_RESULT_REJECTED_PREREQ:	why = "rejected: prerequisite not met"; break;
	case PPSMC_RESULT_REJECTED_BUSY:	why = "rejected: busy"; break;
	default:				why = "unexpected response"; break;
	}
	return gpu_error(dev, resp == PPSMC_RESULT_UNKNOWN_CMD ? -GPU_ENOSYS : -GPU_EIO,
	    "SMU message 0x%02x (%s), param 0x%08x: %s (C2PMSG_90 0x%02x)",
	    msg, msg_name(msg), param, why, resp);
}

/* Poll C2PMSG_90 until the SMU has answered; false on timeout. */
static bool
poll_resp(struct gpu_device *dev, uint32_t *resp)
{
	uint64_t deadline = os_time_ns() + (uint64_t)SMU_MSG_TIMEOUT_US * 1000;

	for (;;) {
		*resp = rreg(dev, SMU_RESP_REG);
		if (*resp != PPSMC_RESULT_NONE)
			return true;
		if (os_time_ns() > deadline)
			return false;
		os_delay_us(1);
	}
}

/*
 * smu_cmn_send_smc_msg_with_param: the previous message must have been
 * answered; clear the response, write argument and message, wait for the
 * response and read the result back from C2PMSG_82.
 */
int
smu_v11_send_msg(struct gpu_device *dev, uint32_t msg, uint32_t param, uint32_t *out)
{
	uint32_t resp;

	if (!poll_resp(dev, &resp))
		return gpu_error(dev, -GPU_ETIME,
		    "SMU: timeout after %u us waiting for C2PMSG_90 != 0 (previous message answered) before %s",
		    SMU_MSG_TIMEOUT_US, msg_name(msg));
	wreg(dev, SMU_RESP_REG, 0);
	wreg(dev, SMU_ARG_REG, param);
	wreg(dev, SMU_MSG_REG, msg);
	if (!poll_resp(dev, &resp))
		return gpu_error(dev, -GPU_ETIME,
		    "SMU: timeout after %u us waiting for C2PMSG_90 != 0 (response to %s)",
		    SMU_MSG_TIMEOUT_US, msg_name(msg));
	if (resp != PPSMC_RESULT_OK)
		return resp_error(dev, msg, param, resp);
	if (out != NULL)
		*out = rreg(dev, SMU_ARG_REG);
	return 0;
}

/*
 * smu_v11_0_check_fw_status: MP1_FIRMWARE_FLAGS.INTERRUPTS_ENABLED, read
 * through the PCIE_INDEX2/PCIE_DATA2 window into SMN space
 * (amdgpu_device_indirect_rreg).
 */
static int
check_fw_status(struct gpu_device *dev)
{
	uint64_t deadline = os_time_ns() + (uint64_t)GPU_TIMEOUT_US * 1000;
	uint32_t v;

	for (;;) {
		wreg(dev, PCIE_INDEX2, SMN_MP1_FIRMWARE_FLAGS);
		v = rreg(dev, PCIE_DATA2);
		if (v & MP1_FIRMWARE_FLAGS_INTERRUPTS_ENABLED)
			return 0;
		if (os_time_ns() > deadline)
			break;
		os_delay_us(1);
	}
	return gpu_error(dev, -GPU_ETIME,
	    "SMU: timeout after %u us waiting for MP1_FIRMWARE_FLAGS (SMN 0x%08x) INTERRUPTS_ENABLED, last 0x%08x: PMFW not running",
	    GPU_TIMEOUT_US, SMN_MP1_FIRMWARE_FLAGS, v);
}

/* smu_v11_0_check_fw_version: Linux only logs a mismatch; we refuse. */
static int
check_fw_version(struct gpu_device *dev)
{
	struct smu_state *smu = dev->smu;
	int rc;

	if ((rc = smu_v11_send_msg(dev, PPSMC_MSG_GetSmuVersion, 0, &smu->smu_version)) != 0 ||
	    (rc = smu_v11_send_msg(dev, PPSMC_MSG_GetDriverIfVersion, 0, &smu->if_version)) != 0)
		return rc;
	if (smu->if_version != SMU11_DRIVER_IF_VERSION_DIMGREY_CAVEFISH)
		return gpu_error(dev, -GPU_ENOEXEC,
		    "SMU: PMFW %u.%u.%u speaks driver interface 0x%x, this driver 0x%x (SMU11_DRIVER_IF_VERSION_Dimgrey_Cavefish)",
		    smu->smu_version >> 16 & 0xff, smu->smu_version >> 8 & 0xff,
		    smu->smu_version & 0xff, smu->if_version,
		    SMU11_DRIVER_IF_VERSION_DIMGREY_CAVEFISH);
	return 0;
}

/* smu_v11_0_set_allowed_mask (high word first), system_features_control,
 * then smu_cmn_get_enabled_mask. */
static int
enable_features(struct gpu_device *dev)
{
	uint64_t mask = SMU_ALLOWED_FEATURES;
	uint32_t lo = 0, hi = 0;
	int rc;

	if ((rc = smu_v11_send_msg(dev, PPSMC_MSG_SetAllowedFeaturesMaskHigh,
	    (uint32_t)(mask >> 32), NULL)) != 0 ||
	    (rc = smu_v11_send_msg(dev, PPSMC_MSG_SetAllowedFeaturesMaskLow,
	    (uint32_t)mask, NULL)) != 0 ||
	    (rc = smu_v11_send_msg(dev, PPSMC_MSG_EnableAllSmuFeatures, 0, NULL)) != 0 ||
	    (rc = smu_v11_send_msg(dev, PPSMC_MSG_GetRunningSmuFeaturesLow, 0, &lo)) != 0 ||
	    (rc = smu_v11_send_msg(dev, PPSMC_MSG_GetRunningSmuFeaturesHigh, 0, &hi)) != 0)
		return rc;
	dev->smu->enabled_features = (uint64_t)hi << 32 | lo;
	return 0;
}

int
smu_v11_init(struct gpu_device *dev)
{
	int rc;

	if ((dev->smu = os_zalloc(sizeof(*dev->smu))) == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "SMU: out of memory");
	if ((rc = check_fw_status(dev)) != 0 || (rc = check_fw_version(dev)) != 0 ||
	    (rc = enable_features(dev)) != 0)
		return rc;
	GPU_INFO(dev, "SMU: PMFW %u.%u.%u, driver interface 0x%x, features 0x%016llx",
	    dev->smu->smu_version >> 16 & 0xff, dev->smu->smu_version >> 8 & 0xff,
	    dev->smu->smu_version & 0xff, dev->smu->if_version,
	    (unsigned long long)dev->smu->enabled_features);
	return 0;
}

void
smu_v11_fini(struct gpu_device *dev)
{
	if (dev->smu == NULL)
		return;
	os_free(dev->smu);
	dev->smu = NULL;
}

void
smu_v11_query(struct gpu_device *dev, struct gpu_info *info)
{
	if (dev->smu == NULL)
		return;
	info->smu_version = dev->smu->smu_version;
	info->smu_if_version = dev->smu->if_version;
}
