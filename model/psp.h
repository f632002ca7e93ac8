/*
 * Between the MP0 (PSP) and MP1 (SMU) models, and for tests: the check a
 * strict PSP makes of a signed firmware image.  See model/psp.c and
 * docs/model.md "PSP (MP0 11.0)".
 */
#ifndef MODEL_PSP_H
#define MODEL_PSP_H

#include <stdint.h>

struct navi23;

/*
 * What an image must be.  Each kind names the key that signs it on Navi 23
 * (read off the Debian 20230210 dimgrey_cavefish files) and, for the
 * bootloader components, the firmware type byte of its header.
 */
enum psp_image_kind {
	PSP_IMG_KDB,		/* key database: no "$PS1" magic */
	PSP_IMG_SPL,		/* security patch level table */
	PSP_IMG_SYS_DRV,
	PSP_IMG_SOS,
	PSP_IMG_TOC,
	PSP_IMG_GFX,		/* CP, RLC, SDMA ucodes */
	PSP_IMG_SMU,
	PSP_IMG_TA,		/* ASD and the other trusted applications */
	PSP_IMG_VCN,
	PSP_IMG_DMUB,
	PSP_IMG_COUNT
};

/* The 256-byte header in front of every signed image (see psp.c). */
#define PSP_IMG_HDR_BYTES	0x100u

/*
 * Check img[0..len) as an image of `kind`: header magic, the image size
 * the header gives against len, header + signed body + signature, and the
 * signing key.  Returns PSP_STATUS_OK or the status a command would get,
 * and in *why a static one-line reason.
 */
uint32_t psp_check_image(const uint8_t *img, uint64_t len, enum psp_image_kind kind,
	    const char **why);
const char *psp_image_kind_name(enum psp_image_kind);

/* --- smu.c: the PSP has loaded and started the PMFW (m->lock held). ----- */
void	smu_pmfw_start(struct navi23 *);

#endif
