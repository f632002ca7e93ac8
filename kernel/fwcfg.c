/*
 * QEMU's fw_cfg interface, I/O port flavour (qemu docs/specs/fw_cfg.rst):
 * the test harness passes options to the kernel as fw_cfg files
 * (-fw_cfg name=opt/metalos/...,string=...), which need no boot-loader help.
 */
#include "io.h"
#include "kernel.h"
#include "pcreg.h"

static void
fwcfg_bytes(void *buf, uint32_t len)
{
	uint8_t *p = buf;

	while (len-- > 0)
		*p++ = inb(FWCFG_PORT_DATA);
}

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/*
 * Copies at most len-1 bytes of the named file into buf and NUL-terminates.
 * Returns the file size, or -KERR_NODEV when there is no fw_cfg or no file.
 */
int
fwcfg_read_file(const char *name, void *buf, uint32_t len)
{
	uint8_t sig[4], ent[64];
	uint32_t count, i, size, n;
	uint16_t sel;

	outw(FWCFG_PORT_SEL, FWCFG_SIGNATURE);
	fwcfg_bytes(sig, 4);
	if (memcmp(sig, "QEMU", 4) != 0)
		return -KERR_NODEV;
	outw(FWCFG_PORT_SEL, FWCFG_FILE_DIR);
	fwcfg_bytes(sig, 4);
	count = be32(sig);
	for (i = 0; i < count; i++) {
		/* FWCfgFile: be32 size, be16 select, u16 reserved, name[56] */
		fwcfg_bytes(ent, sizeof(ent));
		if (strncmp((const char *)ent + 8, name, FWCFG_NAME_LEN) != 0)
			continue;
		size = be32(ent);
		sel = (uint16_t)(ent[4] << 8 | ent[5]);
		n = size < len - 1 ? size : len - 1;
		outw(FWCFG_PORT_SEL, sel);
		fwcfg_bytes(buf, n);
		((char *)buf)[n] = '\0';
		return (int)size;
	}
	return -KERR_NODEV;
}
