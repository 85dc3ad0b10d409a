export interface ProgressBar {
  update: (label: string, done: number, total: number) => void;
  done: () => void;
}

const WIDTH = 30;

/** `label [#########.........]  45% 450/1000` on one line (redrawn on a terminal, every 10% otherwise). */
export function renderBar(label: string, done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * WIDTH);
  return `${label.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total}`;
}

export function progressBar(out: NodeJS.WriteStream): ProgressBar {
  let current = '';
  let lastDecile = -1;
  return {
    update(label, done, total) {
      if (out.isTTY) {
        if (current && !current.startsWith(label)) out.write('\n');
        current = `${label}`;
        out.write(`\r${renderBar(label, done, total)}`);
        return;
      }
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (label !== current || decile !== lastDecile) out.write(`${renderBar(label, done, total)}\n`);
      current = label;
      lastDecile = decile;
    },
    done() {
      if (out.isTTY && current) out.write('\n');
      current = '';
    },
  };
}
