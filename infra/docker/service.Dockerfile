# One image pattern for every KetNoi service:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=registration .
FROM node:24-bookworm-slim AS build
ARG SERVICE
WORKDIR /app
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm turbo run build --filter "@ketnoi/${SERVICE}..." \
 && pnpm deploy --filter "@ketnoi/${SERVICE}" --prod --legacy /out

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out .
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=10 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3000) + '/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server.js"]
