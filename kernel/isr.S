/*
 * Interrupt and exception entry stubs.  The CPU pushes an error code for
 * vectors 8, 10-14, 17, 21, 29 and 30 only (Intel SDM Vol. 3A section 6.13,
 * table 6-1); the others push a zero so every frame has the same layout,
 * struct trapframe in idt.h.
 */
	.text

.macro STUBADDR n
	.quad isr_stub_\n
.endm

.macro STUB n
	.align 16
isr_stub_\n:
	.if (\n == 8) || ((\n >= 10) && (\n <= 14)) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
	.else
	pushq	$0
	.endif
	pushq	$\n
	jmp	isr_common
.endm

	.align 16
isr_common:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rdi
	/* The ABI wants a 16-byte aligned stack at the call. */
	movq	%rsp, %rbx
	andq	$-16, %rsp
	cld
	call	trap_dispatch
	movq	%rbx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp	/* vector and error code */
	iretq

	.altmacro
	.set i, 0
	.rept 256
	STUB %i
	.set i, i + 1
	.endr

	.section .rodata
	.align 8
	.globl isr_stubs
isr_stubs:
	.set i, 0
	.rept 256
	STUBADDR %i
	.set i, i + 1
	.endr
	.noaltmacro

/*
 * probe_read64(addr, &faulted): reads 8 bytes at addr; if that faults, the
 * page-fault handler resumes at probe_read64_fixup, which reports it.  Tests
 * use it to check that a mapping is really absent.
 */
	.text
	.globl probe_read64, probe_read64_insn, probe_read64_fixup
probe_read64:
	movl	$0, (%rsi)
probe_read64_insn:
	movq	(%rdi), %rax
	ret
probe_read64_fixup:
	movl	$1, (%rsi)
	xorl	%eax, %eax
	ret

	.section .note.GNU-stack, "", @progbits
