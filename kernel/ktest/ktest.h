/*
 * In-kernel tests: each checks one named property, is registered in the
 * table in ktest.c, and can be run alone by name (fw_cfg
 * opt/metalos/tests=name,name).  A test returns KT_PASS, KT_FAIL or
 * KT_SKIP (its device is absent); the harness decides which tests a
 * machine configuration must pass, so a skip can never hide a failure.
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include "kernel.h"

#define KT_PASS	0
#define KT_FAIL	1
#define KT_SKIP	2

/*
 * How long a test waits for a device: generous, because under TCG on a
 * busy host the virtual CPU may be descheduled for long stretches.
 */
#define KT_WAIT_MS	5000

#define KT_CHECK(cond, ...) do {					\
	if (!(cond)) {							\
		kprintf("ktest:   check failed at %s:%d: %s: ",		\
		    __FILE__, __LINE__, #cond);				\
		kprintf(__VA_ARGS__);					\
		kprintf("\n");						\
		return KT_FAIL;						\
	}								\
} while (0)

struct ktest {
	const char	*name;
	int		(*fn)(void);
};

void	 ktest_run(const char *names) __attribute__((noreturn));
uint64_t ktest_seed(void);

/* t_acpi.c */
int	 t_acpi_madt_mcfg(void);
/* t_core.c */
int	 t_pmm_alloc(void);
int	 t_vmm_pat(void);
int	 t_idt_breakpoint(void);
int	 t_idt_pagefault(void);
int	 t_lapic_timer(void);
int	 t_ioapic_pit(void);
/* t_pci.c */
int	 t_pci_bridge(void);
int	 t_pci_bars(void);
int	 t_pci_caps(void);
int	 t_pci_bus_assign(void);
/* t_edu.c */
int	 t_edu_dma_msi(void);
int	 t_dma_mask(void);
/* t_gpu_os.c */
int	 t_gpu_os_edu(void);
/* t_nvme.c */
int	 t_nvme_identify(void);
int	 t_nvme_msix_mask(void);
/* t_ivshmem.c */
int	 t_ivshmem_wc(void);
/* t_iommu.c */
int	 t_iommu_mapped(void);
int	 t_iommu_fault(void);
int	 t_iommu_isolation(void);

#endif
