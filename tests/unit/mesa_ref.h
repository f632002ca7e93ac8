/*
 * Readers for the Mesa reference files the set-up fetched into
 * .cache/mesa-ref (src/amd/registers/gfx103.json, src/amd/common/sid.h):
 * just enough scanning to look a name up, no general JSON parser.
 */
#ifndef TESTS_MESA_REF_H
#define TESTS_MESA_REF_H

#include <stdbool.h>
#include <stdint.h>

/* The whole file, NUL-terminated; NULL (and a message) if unreadable. */
char	*mesa_ref_load(const char *file);
/* gfx103.json: byte address of register `name` in the "mm" space. */
bool	mesa_reg_addr(const char *json, const char *name, uint32_t *addr);
/* gfx103.json: bit range of field `field` in register type `type`. */
bool	mesa_field_bits(const char *json, const char *type, const char *field,
	    unsigned *lo, unsigned *hi);
/* sid.h: the value of `#define name value`. */
bool	mesa_define(const char *sid, const char *name, uint32_t *value);

/* sid.h: a field macro `#define name(x) (((unsigned)(x)&MASK) << SHIFT)`. */
bool	mesa_field_macro(const char *sid, const char *name, uint32_t *mask,
	    unsigned *shift);

#endif
