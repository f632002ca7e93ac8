/*
 * Entry from a Multiboot2 loader (GRUB) and the switch to long mode.
 *
 * Machine state on entry (Multiboot2 spec 2.0, section 3.3 "I386 machine
 * state"): 32-bit protected mode, paging off, interrupts off, EAX = the
 * magic 0x36d76289, EBX = physical address of the boot information.
 * GRUB gives the same state under BIOS and under UEFI (boot services are
 * exited because we ask for no EFI tags), so one path serves both.
 *
 * The switch follows Intel SDM Vol. 3A section 10.8.5 "Initializing IA-32e
 * Mode": PAE on, CR3 loaded, EFER.LME set, then CR0.PG.  The boot page
 * tables map the first 4 GiB 1:1 and the first 1 GiB again at
 * KERNEL_VBASE (-2 GiB) for -mcmodel=kernel; vmm.c replaces them.
 */

#define MB2_MAGIC	0xe85250d6	/* header magic, spec 3.1.2 */
#define MB2_ARCH_I386	0		/* protected-mode i386 */
#define KERNEL_VBASE	0xffffffff80000000

#define CR0_PE		(1 << 0)
#define CR0_WP		(1 << 16)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define EFER_NXE	(1 << 11)
#define PTE_P		0x1
#define PTE_W		0x2
#define PTE_PS		0x80

	.section .multiboot2, "a"
	.align 8
mb2_header:
	.long MB2_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long 0x100000000 - (MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* end tag: type 0, flags 0, size 8 */
	.align 8
	.short 0
	.short 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	movl	$boot_stack_top, %esp
	movl	%eax, boot_mb2_magic
	movl	%ebx, boot_mb2_info

	/* PD entries: 4 x 512 large pages covering 0..4 GiB. */
	movl	$boot_pd, %edi
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$(PTE_P | PTE_W | PTE_PS), %eax
	movl	%eax, (%edi, %ecx, 8)
	movl	%ecx, %eax
	shrl	$11, %eax		/* bits 32+ of the 2 MiB frame */
	movl	%eax, 4(%edi, %ecx, 8)
	incl	%ecx
	cmpl	$2048, %ecx
	jne	1b

	/* PDPT (low): four PDs. */
	movl	$boot_pdpt_lo, %edi
	xorl	%ecx, %ecx
2:	movl	%ecx, %eax
	shll	$12, %eax
	addl	$(boot_pd + PTE_P + PTE_W), %eax
	movl	%eax, (%edi, %ecx, 8)
	incl	%ecx
	cmpl	$4, %ecx
	jne	2b

	/* PDPT (high): entry 510 is -2 GiB, mapped to the first PD (0..1 GiB). */
	movl	$(boot_pd + PTE_P + PTE_W), boot_pdpt_hi + 510 * 8

	movl	$(boot_pdpt_lo + PTE_P + PTE_W), boot_pml4
	movl	$(boot_pdpt_hi + PTE_P + PTE_W), boot_pml4 + 511 * 8

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$(EFER_LME | EFER_NXE), %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PE | CR0_WP | CR0_PG), %eax
	movl	%eax, %cr0

	lgdt	boot_gdt_ptr
	ljmp	$0x08, $long_entry

	.code64
long_entry:
	movw	$0x10, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorw	%ax, %ax
	movw	%ax, %fs
	movw	%ax, %gs
	movabsq	$kstack_top, %rsp
	xorq	%rbp, %rbp
	movl	boot_mb2_magic, %edi
	movl	boot_mb2_info, %esi
	movabsq	$kmain, %rax
	call	*%rax
3:	cli
	hlt
	jmp	3b

	.section .boot.data, "aw"
	.align 8
	.globl boot_gdt
boot_gdt:
	.quad 0				/* null */
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code, DPL 0 */
	.quad 0x00cf92000000ffff	/* 0x10: data, DPL 0 */
boot_gdt_ptr:
	.short boot_gdt_ptr - boot_gdt - 1
	.quad boot_gdt
boot_mb2_magic:	.long 0
boot_mb2_info:	.long 0
	.align 4096
boot_pml4:	.fill 512, 8, 0
boot_pdpt_lo:	.fill 512, 8, 0
boot_pdpt_hi:	.fill 512, 8, 0
boot_pd:	.fill 2048, 8, 0
	.fill 1024, 1, 0
boot_stack_top:

	.section .bss
	.align 16
kstack:	.skip 65536
	.globl kstack_top
kstack_top:

	.section .note.GNU-stack, "", @progbits
