/*
 * The kernel's side of gpu/os.h: how the kernel hands a PCI function to
 * the GPU driver as a struct os_dev.
 */
#ifndef KERNEL_GPU_OS_H
#define KERNEL_GPU_OS_H

struct os_dev;
struct pci_dev;

struct os_dev	*gpu_os_dev_create(struct pci_dev *);
void		 gpu_os_dev_destroy(struct os_dev *);

#endif
