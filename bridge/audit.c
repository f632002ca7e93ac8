/*
 * libradv_metal_audit.so: a glibc LD_AUDIT module that binds the libc
 * imports of RADV's libvulkan_radeon.so that touch the device fd (ioctl,
 * mmap, dup, fcntl, close) to libdrm.so.2's libradv_metal_* functions
 * (libc.c).  `metalgpu run` sets LD_AUDIT to it.
 *
 * Interface (rtld-audit(7), glibc's <link.h>): the dynamic linker calls
 * la_version() first; la_objopen() for every object loaded, whose return
 * value marks it LA_FLG_BINDFROM (report the bindings it makes) and/or
 * LA_FLG_BINDTO (report bindings to it); la_symbind64() for each binding
 * between a BINDFROM and a BINDTO object, whose return value is the
 * address the binding gets.  glibc >= 2.35 also reports bindings resolved
 * at load time (BIND_NOW, glibc bug 23734), not only lazy PLT ones.
 *
 * Only libvulkan_radeon.so is BINDFROM and only libc.so.6 is BINDTO, so
 * nothing else in the process is rebound: the loader, the program and the
 * bridge itself keep libc's functions.  The module lives in its own link
 * namespace (it has its own libc copy, errno included), so it does no
 * work of its own: the functions it binds to are in the program's
 * namespace, found in the dynamic symbol table of the bridge's
 * libdrm.so.2 (its link map from la_objopen).
 */
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libvulkan_radeon.so's libc imports (objdump -T of Debian's 25.0.7:
 * ioctl, mmap64, dup, fcntl64, close), and the bridge function for each. */
static const struct {
	const char *import;
	const char *bridge;
} rebinds[] = {
	{ "ioctl", "libradv_metal_ioctl" },
	{ "mmap", "libradv_metal_mmap" },
	{ "mmap64", "libradv_metal_mmap" },
	{ "dup", "libradv_metal_dup" },
	{ "fcntl", "libradv_metal_fcntl" },
	{ "fcntl64", "libradv_metal_fcntl" },
	{ "close", "libradv_metal_close" },
};
#define NREBINDS	(sizeof(rebinds) / sizeof(rebinds[0]))

static struct link_map *bridge_map;	/* the program namespace's libdrm.so.2 */
static uintptr_t bridge_fn[NREBINDS];
static int debug;

static int
name_is(const char *path, const char *base)
{
	const char *slash = strrchr(path, '/');

	return strcmp(slash != NULL ? slash + 1 : path, base) == 0;
}

unsigned int
la_version(unsigned int version)
{
	const char *d = getenv("METALGPU_AUDIT_DEBUG");

	debug = d != NULL && *d != '\0';
	return version <= LAV_CURRENT ? version : LAV_CURRENT;
}

unsigned int
la_objopen(struct link_map *map, Lmid_t lmid, uintptr_t *cookie)
{
	(void)cookie;
	if (lmid != LM_ID_BASE)
		return 0;
	if (name_is(map->l_name, "libvulkan_radeon.so")) {
		if (debug)
			fprintf(stderr, "libradv-metal audit: rebinding %s\n", map->l_name);
		return LA_FLG_BINDFROM;
	}
	if (name_is(map->l_name, "libc.so.6"))
		return LA_FLG_BINDTO;
	if (name_is(map->l_name, "libdrm.so.2")) {
		if (debug)
			fprintf(stderr, "libradv-metal audit: libdrm.so.2 is %s\n", map->l_name);
		bridge_map = map;
		memset(bridge_fn, 0, sizeof(bridge_fn));
	}
	return 0;
}

unsigned int
la_objclose(uintptr_t *cookie)
{
	(void)cookie;
	return 0;
}

/* The GNU hash of a symbol name (the ELF gABI extension's DT_GNU_HASH). */
static uint32_t
gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (const unsigned char *c = (const unsigned char *)name; *c != '\0'; c++)
		h = h * 33 + *c;
	return h;
}

/* A dynamic-section address: glibc has relocated it to l_addr already
 * on most targets; a small value is still the file's offset. */
static uintptr_t
dyn_ptr(const struct link_map *map, Elf64_Addr p)
{
	return p < map->l_addr ? map->l_addr + p : p;
}

/*
 * The address of an exported function of map, through its DT_GNU_HASH
 * table: buckets of symbol indices, each chain ending at a hash with bit
 * 0 set.  dlsym() is not used: a dependency's link map is not a dlopen
 * handle (its search list is unset), and the lookup crashes in glibc.
 */
static uintptr_t
lookup(const struct link_map *map, const char *name)
{
	const Elf64_Sym *symtab = NULL;
	const char *strtab = NULL;
	const uint32_t *gh = NULL, *buckets, *chain;
	uint32_t h = gnu_hash(name), nbuckets, symoffset, bloom_size, i;

	for (const Elf64_Dyn *d = map->l_ld; d->d_tag != DT_NULL; d++) {
		if (d->d_tag == DT_SYMTAB)
			symtab = (const Elf64_Sym *)dyn_ptr(map, d->d_un.d_ptr);
		else if (d->d_tag == DT_STRTAB)
			strtab = (const char *)dyn_ptr(map, d->d_un.d_ptr);
		else if (d->d_tag == DT_GNU_HASH)
			gh = (const uint32_t *)dyn_ptr(map, d->d_un.d_ptr);
	}
	if (symtab == NULL || strtab == NULL || gh == NULL)
		return 0;
	nbuckets = gh[0];
	symoffset = gh[1];
	bloom_size = gh[2];
	buckets = gh + 4 + 2 * bloom_size;	/* after the 64-bit bloom words */
	chain = buckets + nbuckets;
	i = nbuckets != 0 ? buckets[h % nbuckets] : 0;
	if (i < symoffset)
		return 0;
	for (;; i++) {
		uint32_t h2 = chain[i - symoffset];
		const Elf64_Sym *s = &symtab[i];

		if ((h | 1) == (h2 | 1) && s->st_shndx != SHN_UNDEF &&
		    strcmp(strtab + s->st_name, name) == 0)
			return map->l_addr + s->st_value;
		if (h2 & 1)
			return 0;
	}
}

/* The bridge's function for rebinds[i], looked up once per libdrm.so.2. */
static uintptr_t
bridge_function(size_t i)
{
	if (bridge_fn[i] != 0 || bridge_map == NULL)
		return bridge_fn[i];
	bridge_fn[i] = lookup(bridge_map, rebinds[i].bridge);
	if (bridge_fn[i] == 0)
		fprintf(stderr, "libradv-metal audit: %s has no %s (not the bridge's libdrm?): "
		    "%s stays libc's\n", bridge_map->l_name, rebinds[i].bridge, rebinds[i].import);
	return bridge_fn[i];
}

uintptr_t
la_symbind64(Elf64_Sym *sym, unsigned int ndx, uintptr_t *refcook, uintptr_t *defcook,
    unsigned int *flags, const char *symname)
{
	(void)ndx;
	(void)refcook;
	(void)defcook;
	(void)flags;
	for (size_t i = 0; i < NREBINDS; i++) {
		uintptr_t fn;

		if (strcmp(symname, rebinds[i].import) != 0)
			continue;
		fn = bridge_function(i);
		if (debug)
			fprintf(stderr, "libradv-metal audit: %s -> %s %s\n", symname,
			    rebinds[i].bridge, fn != 0 ? "" : "(not found)");
		return fn != 0 ? fn : sym->st_value;
	}
	return sym->st_value;
}
