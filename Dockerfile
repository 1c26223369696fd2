# Kilde's production image: the same steps as the tested production start
# (npm ci, which builds through the `prepare` script, then `npm start`).
# Untested here: the machines this project runs on have no Docker engine.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# Articles and the analysis cache live outside the image.
VOLUME ["/app/knowledge", "/app/.cache"]
USER node
CMD ["npm", "start"]
