/*
 * Clients and their handles.  A handle is [31:24] the client's tag (unique
 * among open clients), [23:16] a generation, [15:0] the slot index + 1.
 * Freeing a handle bumps its slot's generation, so a stale handle does not
 * find the object that reuses the slot (until 256 reuses of that slot), and
 * a handle of another open client never matches this client's tag.
 */
#include "client.h"

#define H_INDEX_MASK	0xffffu
#define H_GEN_SHIFT	16
#define H_GEN_MASK	0xffu
#define H_TAG_SHIFT	24
#define H_MAX_SLOTS	0xffffu
#define NUM_CLIENT_VMIDS 15	/* VMIDs 1-15; 0 is the kernel's */

int
api_init(struct gpu_device *dev)
{
	dev->api_lock = os_mutex_create();
	/* Tokens are a bijection of a counter, salted so that they are not
	 * small consecutive numbers another process could guess. */
	dev->token_salt = os_time_ns() * 0x2545f4914f6cdd1dull;
	/* amdgpu.lockup_timeout: 10 s by default for every ring. */
	dev->job_timeout_ns = 10000000000ull;
	return dev->api_lock != NULL ? 0 : -GPU_ENOMEM;
}

/* Close every client; the lock itself goes in api_destroy, after the
 * interrupts that take it are off. */
void
api_fini(struct gpu_device *dev)
{
	while (dev->clients != NULL)
		gpu_client_close(dev->clients);
	os_free(dev->exports);
	dev->exports = NULL;
	dev->nexports = dev->maxexports = 0;
}

void
api_destroy(struct gpu_device *dev)
{
	struct os_mutex *m = dev->api_lock;

	dev->api_lock = NULL;
	os_mutex_destroy(m);
}

int
handle_new(struct gpu_client *c, enum obj_kind kind, void *obj, gpu_handle *out)
{
	uint32_t i;

	for (i = 0; i < c->nslots; i++)
		if (c->slots[i].kind == OBJ_FREE)
			break;
	if (i == c->nslots) {
		uint32_t n = c->nslots ? c->nslots * 2 : 64;
		struct handle_slot *s;

		if (n > H_MAX_SLOTS)
			n = H_MAX_SLOTS;
		if (n <= c->nslots)
			return -GPU_ENOSPC;
		s = os_zalloc(n * sizeof(*s));
		if (s == NULL)
			return -GPU_ENOMEM;
		if (c->nslots != 0)
			memcpy(s, c->slots, c->nslots * sizeof(*s));
		os_free(c->slots);
		c->slots = s;
		c->nslots = n;
	}
	c->slots[i].kind = (uint8_t)kind;
	c->slots[i].obj = obj;
	*out = ((uint32_t)c->tag << H_TAG_SHIFT) |
	    ((uint32_t)(c->slots[i].gen & H_GEN_MASK) << H_GEN_SHIFT) | (i + 1);
	return 0;
}

void *
handle_get(struct gpu_client *c, gpu_handle h, enum obj_kind kind)
{
	uint32_t i = (h & H_INDEX_MASK) - 1;

	if ((h & H_INDEX_MASK) == 0 || i >= c->nslots || (h >> H_TAG_SHIFT) != c->tag ||
	    c->slots[i].kind != kind ||
	    (c->slots[i].gen & H_GEN_MASK) != ((h >> H_GEN_SHIFT) & H_GEN_MASK))
		return NULL;
	return c->slots[i].obj;
}

void
handle_drop(struct gpu_client *c, gpu_handle h)
{
	uint32_t i = (h & H_INDEX_MASK) - 1;

	c->slots[i].kind = OBJ_FREE;
	c->slots[i].obj = NULL;
	c->slots[i].gen++;
}

/* The smallest tag no open client has. */
static uint8_t
tag_get(struct gpu_device *dev)
{
	for (unsigned t = 1; t < 256; t++) {
		struct gpu_client *c = dev->clients;

		while (c != NULL && c->tag != t)
			c = c->next;
		if (c == NULL)
			return (uint8_t)t;
	}
	return 0;	/* unreachable: at most 15 clients have a VMID */
}

static int
vmid_get(struct gpu_device *dev, unsigned *vmid)
{
	for (unsigned v = 1; v <= NUM_CLIENT_VMIDS; v++) {
		if (!(dev->vmid_used & (1u << v))) {
			dev->vmid_used |= (uint16_t)(1u << v);
			*vmid = v;
			return 0;
		}
	}
	return -GPU_EBUSY;
}

int
gpu_client_open(struct gpu_device *dev, struct gpu_client **out)
{
	struct gpu_client *c;
	int rc;

	*out = NULL;
	if (dev == NULL || !dev->up)
		return -GPU_ENODEV;
	c = os_zalloc(sizeof(*c));
	if (c == NULL)
		return -GPU_ENOMEM;
	c->dev = dev;
	os_mutex_lock(dev->api_lock);
	rc = vmid_get(dev, &c->vm.vmid);
	if (rc == 0) {
		rc = vm_init(c);
		if (rc != 0)
			dev->vmid_used &= (uint16_t)~(1u << c->vm.vmid);
	}
	if (rc == 0) {
		c->tag = tag_get(dev);
		c->next = dev->clients;
		dev->clients = c;
	}
	os_mutex_unlock(dev->api_lock);
	if (rc != 0) {
		os_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

static void
drop_all_handles(struct gpu_client *c)
{
	for (uint32_t i = 0; i < c->nslots; i++) {
		struct handle_slot *s = &c->slots[i];

		if (s->kind == OBJ_BO)
			bo_unref(s->obj);
		else if (s->kind == OBJ_SEM)
			sem_unref(s->obj);
		s->kind = OBJ_FREE;
		s->obj = NULL;
	}
}

void
gpu_client_close(struct gpu_client *c)
{
	struct gpu_device *dev;

	if (c == NULL)
		return;
	dev = c->dev;
	os_mutex_lock(dev->api_lock);
	for (struct gpu_client **pp = &dev->clients; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	queue_destroy_all(c);
	vm_fini(c);
	drop_all_handles(c);
	dev->vmid_used &= (uint16_t)~(1u << c->vm.vmid);
	os_mutex_unlock(dev->api_lock);
	os_free(c->slots);
	os_free(c);
}
