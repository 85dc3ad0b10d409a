import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSuffix } from '@ketnoi/messaging';
import { buildApp, registrationConfigSchema } from '@ketnoi/registration';
import { createDevIssuer, loadConfig, type ServiceApp } from '@ketnoi/service-kit';
import { testLogger, uniqueName } from '@ketnoi/testing';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readCliEnv, runCli } from '../../src/index.js';
import { captureIo } from '../unit/capture-io.js';

const HEADER = 'Mã hồ sơ,Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Số điện thoại,Xã/phường,Trình độ chuyên môn,Nghề mong muốn,Đồng ý kết nối việc làm';
const ROWS = [
  'HS-001,Hà Văn Thắng,019096000111,12/03/1996,Nam,Tày,0912000111,Phường Đức Xuân,Sơ cấp,7212,Có',
  'HS-002,Lý Thị Sen,019101000222,01/01/2001,Nữ,Dao,0912000222,Phường Đức Xuân,Không,9329,Có', // century digit says 1900s
  'HS-003,Ma Văn Tùng,019097000333,20/10/1997,Nam,Nùng,0912000333,Phường Đức Xuân,Cao đẳng,3113,Có',
  'HS-004,Triệu Thị Lan,019199000444,09/09/1999,Nữ,Kinh,0212000444,Phường Đức Xuân,Đại học,2411,Không', // a landline
  'HS-005,Nông Văn Hải,006095000555,05/05/1995,Nam,Tày,0912000555,Phường Đức Xuân,Trung cấp,8322,Có',
];

describe('ketnoi import workers into the real registration service', () => {
  let app: ServiceApp;
  let url: string;
  let token: string;
  let dir: string;

  beforeAll(async () => {
    const { kafkaBrokers, mongoUrl } = inject('infra');
    const issuer = await createDevIssuer();
    const suffix = uniqueName('cli-import');
    const config = loadConfig(registrationConfigSchema, {
      SERVICE_NAME: 'registration',
      MONGO_URL: mongoUrl,
      MONGO_DB_NAME: suffix.replace(/-/g, '_'),
      KAFKA_BROKERS: kafkaBrokers.join(','),
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'warn',
      REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      REGISTRATION_MASTER_KEY_ID: 'k1',
      REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
    });
    app = await buildApp(config, { logger: testLogger(), topicName: withSuffix(suffix), groupId: suffix, relayIdleMs: 50 });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    token = await issuer.issue({ sub: 'operator', roles: ['staff'] });
    dir = await mkdtemp(join(tmpdir(), 'ketnoi-import-'));
  });

  afterAll(async () => {
    await app.mongo.dropDatabase();
    await app.close();
  });

  const importWorkers = async (file: string) => {
    const io = captureIo();
    const code = await runCli(['import', 'workers', file, '--chunk', '2'], {
      io,
      env: readCliEnv({ REGISTRATION_URL: url, KETNOI_TOKEN: token, INIT_CWD: dir }),
    });
    return { code, ...io };
  };

  it('imports a CSV in chunks, keeps the good rows and reports the bad ones by file row', async () => {
    await writeFile(join(dir, 'workers.csv'), [HEADER, ...ROWS].join('\n'));
    const { code, stdout, stderr } = await importWorkers('workers.csv');
    expect(code).toBe(2);
    expect(stdout).toEqual([
      '5 rows: registered 3, rejected 2',
      'row 3 (rejected): citizenId: century digit does not match the date of birth',
      'row 5 (rejected): phone: is not a Vietnamese mobile number',
    ]);
    expect(stderr).toContain('rows: 5/5');
    expect(stdout.join('\n')).not.toMatch(/\d{12}/);
    expect(await app.mongo.db!.collection('workers').countDocuments()).toBe(3);
  });

  it('reads XLSX the same way, and a second import changes nothing', async () => {
    const sheet = [HEADER, ROWS[0]!, ROWS[2]!, ROWS[4]!].map((line) => line.split(',').map((value) => ({ value })));
    await writeFile(join(dir, 'workers.xlsx'), await writeXlsxFile(sheet).toBuffer());
    const { code, stdout } = await importWorkers(join(dir, 'workers.xlsx'));
    expect(code).toBe(0);
    expect(stdout).toEqual(['3 rows: unchanged 3']);
    expect(await app.mongo.db!.collection('workers').countDocuments()).toBe(3);
  });

  it('stops at a refused file and says why', async () => {
    await writeFile(join(dir, 'bad.csv'), 'Họ và tên,Ghi chú\nA,B\n');
    const { code, stderr } = await importWorkers('bad.csv');
    expect(code).toBe(1);
    expect(stderr.at(-1)).toMatch(/^error: rows 2-2 refused: HTTP 400 .*lacks the columns/);
  });
});
