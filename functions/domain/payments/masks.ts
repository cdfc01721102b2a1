/** How names and account numbers are shown: enough to recognise them, not enough to reuse them. */

/** 张三明 -> 张*明, 李四 -> 李*, 王 -> 王. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** All but the last four characters masked, and never less than half: a 4-character account shows 2. */
export function maskAccountNo(accountNo: string): string {
  const shown = Math.min(4, Math.floor(accountNo.length / 2));
  return `${'*'.repeat(accountNo.length - shown)}${accountNo.slice(-shown)}`;
}
