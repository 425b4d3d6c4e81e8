/** File sizes as people read them, in the page's language: "58 kB", "1,2 MB". */
export function formatBytes(n: number, language: string): string {
  const locale = language === 'qps' ? 'en' : language;
  if (n < 1000 * 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(n / 1000)))} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1000 / 1000)} MB`;
}
