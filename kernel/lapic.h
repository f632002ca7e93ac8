/* Local APIC, I/O APIC and their timer: interrupt delivery to this CPU. */
#ifndef KERNEL_LAPIC_H
#define KERNEL_LAPIC_H

#include <stdint.h>

void	 lapic_init(void);
void	 lapic_eoi(void);
uint32_t lapic_id(void);
void	 lapic_timer_start(uint32_t hz);
uint64_t lapic_timer_ticks(void);
volatile uint64_t *lapic_timer_ticks_ptr(void);
uint32_t lapic_timer_hz(void);

void	 ioapic_init(void);
int	 ioapic_route_isa(uint8_t irq, int vector);
void	 ioapic_mask_isa(uint8_t irq);
int	 ioapic_count(void);
int	 ioapic_pins(int);

#endif
