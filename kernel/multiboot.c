/*
 * Reads the Multiboot2 information once, early, and keeps copies: the
 * original lies in RAM the page allocator will hand out later.
 */
#include "kernel.h"
#include "multiboot.h"

static struct mb2_memmap memmap;
static char cmdline[256];
static char loader[64];
static uint8_t rsdp[64];	/* ACPI 6.4 5.2.5.3: an RSDP is 20 or 36 bytes */
static int rsdp_v2;
static int have_rsdp;

/* Boot modules (GRUB module2): firmware files, named by their string. */
#define MB2_MAX_MODULES	32
static struct {
	uint64_t start, end;
	char	 name[96];
} modules[MB2_MAX_MODULES];
static int nmodules;

static void
copy_str(char *dst, size_t cap, const char *src, size_t max)
{
	size_t i;

	for (i = 0; i + 1 < cap && i < max && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

void
mb2_parse(uint32_t magic, uint64_t info)
{
	const uint8_t *p, *end;
	const struct mb2_tag *t;
	uint32_t esize, n, i;

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("mb2_parse: not booted by a Multiboot2 loader (magic %#x)",
		    magic);
	p = (const uint8_t *)info;
	end = p + *(const uint32_t *)p;
	for (p += 8; p + sizeof(*t) <= end; p += ALIGN_UP(t->size, 8)) {
		t = (const struct mb2_tag *)p;
		if (t->type == MB2_TAG_END)
			break;
		switch (t->type) {
		case MB2_TAG_CMDLINE:
			copy_str(cmdline, sizeof(cmdline), (const char *)(t + 1),
			    t->size - sizeof(*t));
			break;
		case MB2_TAG_LOADER_NAME:
			copy_str(loader, sizeof(loader), (const char *)(t + 1),
			    t->size - sizeof(*t));
			break;
		case MB2_TAG_MODULE:
			if (nmodules == MB2_MAX_MODULES)
				break;
			modules[nmodules].start = *(const uint32_t *)(p + 8);
			modules[nmodules].end = *(const uint32_t *)(p + 12);
			copy_str(modules[nmodules].name,
			    sizeof(modules[nmodules].name),
			    (const char *)(p + 16), t->size - 16);
			nmodules++;
			break;
		case MB2_TAG_MMAP:
			/* header: type, size, entry_size, entry_version */
			esize = *(const uint32_t *)(p + 8);
			n = (t->size - 16) / esize;
			for (i = 0; i < n && memmap.nentries < MB2_MMAP_MAX; i++)
				memcpy(&memmap.e[memmap.nentries++],
				    p + 16 + i * esize, sizeof(memmap.e[0]));
			break;
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			/* Prefer the 2.0+ copy: it carries the XSDT address. */
			if (have_rsdp && rsdp_v2)
				break;
			n = t->size - sizeof(*t);
			memcpy(rsdp, t + 1, n < sizeof(rsdp) ? n : sizeof(rsdp));
			rsdp_v2 = t->type == MB2_TAG_ACPI_NEW;
			have_rsdp = 1;
			break;
		}
	}
	if (memmap.nentries == 0)
		panic("mb2_parse: the boot loader gave no memory map");
}

const struct mb2_memmap *
mb2_memmap(void)
{
	return &memmap;
}

const void *
mb2_rsdp(int *is_v2)
{
	*is_v2 = rsdp_v2;
	return have_rsdp ? rsdp : NULL;
}

const char *
mb2_cmdline(void)
{
	return cmdline;
}

const char *
mb2_loader(void)
{
	return loader;
}

int
mb2_module_count(void)
{
	return nmodules;
}

void
mb2_module_range(int i, uint64_t *start, uint64_t *end)
{
	*start = modules[i].start;
	*end = modules[i].end;
}

/* Finds the module whose string is name; returns 0 or -KERR_NODEV. */
int
mb2_module(const char *name, uint64_t *pa, uint64_t *size)
{
	int i;

	for (i = 0; i < nmodules; i++) {
		if (strcmp(modules[i].name, name) == 0) {
			*pa = modules[i].start;
			*size = modules[i].end - modules[i].start;
			return 0;
		}
	}
	return -KERR_NODEV;
}
