// Local runs only: makes a throw-away identity provider and prints what the
// service needs to accept its tokens, and a staff token (valid 8 h):
//   eval "$(pnpm -s --filter @ketnoi/vacancy-intake dev-token)"   # exports AUTH_* and STAFF_TOKEN
//   pnpm --filter @ketnoi/vacancy-intake dev
//   curl -H "authorization: Bearer $STAFF_TOKEN" localhost:3000/v1/vacancies
import { createDevIssuer } from '@ketnoi/service-kit';

const issuer = await createDevIssuer({ issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi' });
const token = await issuer.issue({ sub: 'dev-staff', roles: ['staff'] }, '8h');
const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
console.log(`export AUTH_ISSUER=${quote(issuer.issuer)}`);
console.log(`export AUTH_AUDIENCE=${quote(issuer.audience)}`);
console.log(`export AUTH_JWT_PUBLIC_KEY=${quote(JSON.stringify(issuer.publicJwk))}`);
console.log(`export STAFF_TOKEN=${quote(token)}`);
