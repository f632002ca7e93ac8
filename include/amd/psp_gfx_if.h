/*
 * The PSP (MP0 v11) driver interface: bootloader commands, ring control
 * commands, the ring frame and the GFX command buffer.
 * Source: Linux drivers/gpu/drm/amd/amdgpu/psp_gfx_if.h (layouts and ids),
 * psp_v11_0.c and amdgpu_psp.c (how the driver uses them).
 */
#ifndef AMD_PSP_GFX_IF_H
#define AMD_PSP_GFX_IF_H

#include <stdint.h>

/* Bootloader commands written to C2PMSG_35 (psp_v11_0.c, psp_gfx_if.h PSP_BL__*). */
#define PSP_BL_LOAD_SYSDRV		0x10000u
#define PSP_BL_LOAD_SOSDRV		0x20000u
#define PSP_BL_LOAD_KEY_DATABASE	0x80000u
#define PSP_BL_LOAD_SOCDRV		0xb0000u
#define PSP_BL_LOAD_INTFDRV		0xd0000u
#define PSP_BL_LOAD_DBGDRV		0xc0000u
#define PSP_BL_LOAD_RASDRV		0xe0000u
#define PSP_BL_LOAD_TOS_SPL_TABLE	0x10000000u

/* Ring control commands written to C2PMSG_64 (psp_gfx_if.h GFX_CTRL_CMD_ID_*). */
#define GFX_CTRL_CMD_INIT_RBI_RING	0x00010000u
#define GFX_CTRL_CMD_INIT_GPCOM_RING	0x00020000u
#define GFX_CTRL_CMD_DESTROY_RINGS	0x00030000u
#define GFX_CTRL_CMD_CAN_INIT_RINGS	0x00040000u
#define GFX_CTRL_CMD_ENABLE_INT		0x00050000u
#define GFX_CTRL_CMD_DISABLE_INT	0x00060000u
#define GFX_CTRL_CMD_MODE1_RST		0x00070000u
#define GFX_CTRL_CMD_CONSUME_CMD	0x00090000u
#define GFX_CTRL_CMD_DESTROY_GPCOM_RING	0x000c0000u
#define PSP_RING_TYPE_KM		2u	/* kernel-mode ring, shifted << 16 */

/* GFX commands carried by the command buffer (GFX_CMD_ID_*). */
#define GFX_CMD_ID_LOAD_TA		0x01u
#define GFX_CMD_ID_UNLOAD_TA		0x02u
#define GFX_CMD_ID_INVOKE_CMD		0x03u
#define GFX_CMD_ID_LOAD_ASD		0x04u
#define GFX_CMD_ID_SETUP_TMR		0x05u
#define GFX_CMD_ID_LOAD_IP_FW		0x06u
#define GFX_CMD_ID_DESTROY_TMR		0x07u
#define GFX_CMD_ID_SAVE_RESTORE		0x08u
#define GFX_CMD_ID_PROG_REG		0x0bu
#define GFX_CMD_ID_GET_FW_ATTESTATION	0x0fu
#define GFX_CMD_ID_LOAD_TOC		0x20u
#define GFX_CMD_ID_AUTOLOAD_RLC		0x21u
#define GFX_CMD_ID_BOOT_CFG		0x22u

/* LOAD_IP_FW firmware types (psp_gfx_if.h enum psp_gfx_fw_type). */
#define GFX_FW_TYPE_CP_ME			1
#define GFX_FW_TYPE_CP_PFP			2
#define GFX_FW_TYPE_CP_CE			3
#define GFX_FW_TYPE_CP_MEC			4
#define GFX_FW_TYPE_CP_MEC_ME1			5
#define GFX_FW_TYPE_CP_MEC_ME2			6
#define GFX_FW_TYPE_RLC_V			7
#define GFX_FW_TYPE_RLC_G			8
#define GFX_FW_TYPE_SDMA0			9
#define GFX_FW_TYPE_SDMA1			10
#define GFX_FW_TYPE_VCN				13
#define GFX_FW_TYPE_SMU				18
#define GFX_FW_TYPE_RLC_RESTORE_LIST_GPM_MEM	20
#define GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_MEM	21
#define GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL	22
#define GFX_FW_TYPE_TOC				24
#define GFX_FW_TYPE_RLC_P			25
#define GFX_FW_TYPE_RLC_IRAM			26
#define GFX_FW_TYPE_GLOBAL_TAP_DELAYS		27
#define GFX_FW_TYPE_SE0_TAP_DELAYS		28
#define GFX_FW_TYPE_SE1_TAP_DELAYS		29
#define GFX_FW_TYPE_SDMA0_JT			31
#define GFX_FW_TYPE_SDMA1_JT			32
#define GFX_FW_TYPE_RLC_DRAM_BOOT		48
#define GFX_FW_TYPE_VCN0_RAM			49
#define GFX_FW_TYPE_VCN1_RAM			50
#define GFX_FW_TYPE_DMUB			51
#define GFX_FW_TYPE_SE2_TAP_DELAYS		65
#define GFX_FW_TYPE_SE3_TAP_DELAYS		66
#define GFX_FW_TYPE_MAX				67

/*
 * The KM ring frame: 64 bytes (struct psp_gfx_rb_frame).  The PSP writes
 * fence_value to the fence address when it has executed the command buffer.
 */
struct psp_rb_frame {
	uint32_t cmd_buf_addr_lo;
	uint32_t cmd_buf_addr_hi;
	uint32_t cmd_buf_size;
	uint32_t fence_addr_lo;
	uint32_t fence_addr_hi;
	uint32_t fence_value;
	uint32_t sid_lo;
	uint32_t sid_hi;
	uint8_t vmid;
	uint8_t frame_type;
	uint8_t reserved1[2];
	uint32_t reserved2[7];
};
#define PSP_RB_FRAME_DWORDS	16
#define PSP_RING_BYTES		0x1000	/* psp_ring_init: 4 KiB KM ring */

/* Command payloads, at offset 28 of the command buffer (union psp_gfx_commands). */
struct psp_cmd_load_ta {
	uint32_t app_phy_addr_lo, app_phy_addr_hi, app_len;
	uint32_t cmd_buf_phy_addr_lo, cmd_buf_phy_addr_hi, cmd_buf_len;
};
struct psp_cmd_setup_tmr {
	uint32_t buf_phy_addr_lo, buf_phy_addr_hi, buf_size;
	uint32_t flags;			/* bit0 SR-IOV, bit1 virt+phys addresses given */
	uint32_t system_phy_addr_lo, system_phy_addr_hi;
};
struct psp_cmd_load_ip_fw {
	uint32_t fw_phy_addr_lo, fw_phy_addr_hi, fw_size;
	uint32_t fw_type;
};
struct psp_cmd_load_toc {
	uint32_t toc_phy_addr_lo, toc_phy_addr_hi, toc_size;
};

/* Response, at offset 864 (struct psp_gfx_resp). */
struct psp_gfx_resp {
	uint32_t status;
	uint32_t session_id;
	uint32_t fw_addr_lo, fw_addr_hi;
	uint32_t tmr_size;
	uint32_t reserved[11];
	uint32_t info[16];		/* union of per-command response data */
};

/* The 1 KiB GFX command buffer (struct psp_gfx_cmd_resp). */
struct psp_gfx_cmd {
	uint32_t buf_size;
	uint32_t buf_version;		/* PSP_GFX_CMD_BUF_VERSION */
	uint32_t cmd_id;
	uint32_t resp_buf_addr_lo, resp_buf_addr_hi, resp_offset, resp_buf_size;
	union {
		struct psp_cmd_load_ta load_ta;
		struct psp_cmd_setup_tmr setup_tmr;
		struct psp_cmd_load_ip_fw load_ip_fw;
		struct psp_cmd_load_toc load_toc;
		uint8_t raw[836];
	} u;
	struct psp_gfx_resp resp;
	uint8_t reserved[1024 - 864 - sizeof(struct psp_gfx_resp)];
};
#define PSP_GFX_CMD_BUF_VERSION	0x00000001u
#define PSP_GFX_CMD_OFFSET	28
#define PSP_GFX_RESP_OFFSET	864

/*
 * Status codes our PSP model answers in resp.status.  The real PSP's error
 * numbers are not public beyond "non-zero is failure" (amdgpu_psp.c
 * psp_cmd_submit_buf only prints them); these are the model's own, listed
 * in docs/model.md.
 */
#define PSP_STATUS_OK			0x0000u
#define PSP_STATUS_BAD_CMD		0xff01u	/* unknown cmd_id or buf_version */
#define PSP_STATUS_BAD_ADDR		0xff02u	/* address not reachable or misaligned */
#define PSP_STATUS_BAD_TYPE		0xff03u	/* fw_type unknown or not loadable now */
#define PSP_STATUS_BAD_IMAGE		0xff04u	/* signed-image wrapper invalid */
#define PSP_STATUS_BAD_SIZE		0xff05u	/* size disagrees with the image */
#define PSP_STATUS_NO_TMR		0xff06u	/* IP firmware before SETUP_TMR */
#define PSP_STATUS_BAD_KEY		0xff07u	/* signed by a key not expected for this firmware */
#define PSP_STATUS_NOT_READY		0xff08u	/* a prerequisite step is missing (order) */
#define PSP_STATUS_INJECTED		0xff7fu	/* fault injection */

#endif
