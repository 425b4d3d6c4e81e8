/** Everything is planned in millimetres and converted to PDF points once, here. */
export const PT_PER_MM = 72 / 25.4;

export const mm = (value: number): number => value * PT_PER_MM;
