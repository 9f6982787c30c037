import { customType } from 'drizzle-orm/pg-core';

/** Raw bytes (uploaded files, generated reports), as Buffers on both engines. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
