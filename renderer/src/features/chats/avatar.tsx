// Each colour keeps white initials at 4.5:1 or more (WCAG AA), checked by the axe e2e.
const palette = ['#00795f', '#1a6fc2', '#b54a12', '#7442b8', '#b8255a', '#1f7a50', '#8a6100', '#345f9c'];

function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const first = words[0]?.[0] ?? '#';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? '#00795f';
}

export function Avatar({ name, size = 44 }: { name: string; size?: number }) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.38, background: colourOf(name) }}
    >
      {initialsOf(name)}
    </span>
  );
}
