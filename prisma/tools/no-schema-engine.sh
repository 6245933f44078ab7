#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` only needs the path to exist; migrations go through prisma/tools/db.ts.
echo "The native Prisma schema engine is not available offline: use npm run db:* (prisma/tools/db.ts)." >&2
exit 1
