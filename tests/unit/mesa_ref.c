/* See mesa_ref.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mesa_ref.h"

char *
mesa_ref_load(const char *file)
{
	const char *dir = getenv("METALGPU_MESA_REF_DIR");
	char path[1024];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof(path), "%s/%s", dir != NULL ? dir : ".cache/mesa-ref", file);
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "cannot open %s (run scripts/setup.sh)\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* The last occurrence of needle that starts before limit, or NULL. */
static const char *
rfind(const char *hay, const char *limit, const char *needle)
{
	size_t n = strlen(needle);

	for (const char *p = limit - n; p >= hay; p--)
		if (strncmp(p, needle, n) == 0)
			return p;
	return NULL;
}

/* Mappings are objects whose "map" precedes "name":
 *   "map": {"at": 39160, "to": "mm"},
 *   "name": "GB_ADDR_CONFIG",                                       */
bool
mesa_reg_addr(const char *json, const char *name, uint32_t *addr)
{
	char key[128];
	const char *p = json;

	snprintf(key, sizeof(key), "\"name\": \"%s\"", name);
	static const char at[] = "\"map\": {\"at\": ", mm[] = ", \"to\": \"mm\"";

	while ((p = strstr(p, key)) != NULL) {
		const char *map = rfind(json, p, at);
		const char *obj = rfind(json, p, "{\n");
		const char *after = p + strlen(key);
		char *num_end;
		unsigned long v;

		/* The whole name, not a prefix of a longer one. */
		if ((*after == ',' || *after == '\n') && map != NULL && obj != NULL && map > obj) {
			v = strtoul(map + strlen(at), &num_end, 10);
			if (strncmp(num_end, mm, strlen(mm)) == 0) {
				*addr = (uint32_t)v;
				return true;
			}
		}
		p += strlen(key);
	}
	return false;
}

bool
mesa_field_bits(const char *json, const char *type, const char *field,
    unsigned *lo, unsigned *hi)
{
	char key[160];
	const char *types = strstr(json, "\"register_types\"");
	const char *p, *end;

	if (types == NULL)
		return false;
	snprintf(key, sizeof(key), "\"%s\": {", type);
	p = strstr(types, key);
	if (p == NULL)
		return false;
	end = strstr(p, "]\n");
	snprintf(key, sizeof(key), "\"name\": \"%s\"", field);
	for (const char *f = strstr(p, key); f != NULL && f < end; f = NULL) {
		const char *b = f;

		while (b > p && strncmp(b, "\"bits\": [", 9) != 0)
			b--;
		return sscanf(b, "\"bits\": [%u, %u]", lo, hi) == 2;
	}
	return false;
}

bool
mesa_define(const char *sid, const char *name, uint32_t *value)
{
	char key[128];
	const char *p = sid;
	size_t n;

	snprintf(key, sizeof(key), "#define %s", name);
	n = strlen(key);
	while ((p = strstr(p, key)) != NULL) {
		if (p[n] == ' ' || p[n] == '\t') {
			*value = (uint32_t)strtoul(p + n, NULL, 0);
			return true;
		}
		p += n;
	}
	return false;
}

bool
mesa_field_macro(const char *sid, const char *name, uint32_t *mask, unsigned *shift)
{
	char key[128];
	const char *p;

	snprintf(key, sizeof(key), "#define %s(x)", name);
	p = strstr(sid, key);
	if (p == NULL)
		return false;
	p += strlen(key);
	while (*p == ' ' || *p == '\t')
		p++;
	return sscanf(p, "(((unsigned)(x)&%x) << %u)", mask, shift) == 2 ||
	    sscanf(p, "(((unsigned)(x)&%x)<<%u)", mask, shift) == 2;
}
