import { execFile } from 'node:child_process';

/** Whether a Docker engine answers (not merely a docker client installed). */
export const dockerAnswers = (): Promise<boolean> =>
  new Promise((resolve) => {
    execFile('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 }, (error, stdout) =>
      resolve(!error && stdout.trim().length > 0),
    );
  });
