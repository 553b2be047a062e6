import { describe, expect, it } from 'vitest';
import { DevinApiError } from './errors';
import { type PageInfo, paginate } from './paginate';

function page(skip: number, itemCount: number, extra: Partial<PageInfo> = {}): PageInfo {
  return {
    skip,
    itemCount,
    total: 500,
    limit: 100,
    hasMore: true,
    nextCursor: skip + 100,
    ...extra,
  };
}

async function walk(fetchPage: (skip: number) => Promise<PageInfo>, startSkip = 0) {
  const skips: number[] = [];
  for await (const p of paginate(fetchPage, startSkip)) skips.push(p.skip);
  return skips;
}

describe('paginate', () => {
  it('follows next_cursor until has_more is false', async () => {
    const skips = await walk(async (skip) =>
      skip >= 400 ? page(skip, 100, { hasMore: false, nextCursor: null }) : page(skip, 100),
    );
    expect(skips).toEqual([0, 100, 200, 300, 400]);
  });

  it('starts from a checkpoint', async () => {
    const skips = await walk(
      async (skip) =>
        skip >= 400 ? page(skip, 100, { hasMore: false, nextCursor: null }) : page(skip, 100),
      300,
    );
    expect(skips).toEqual([300, 400]);
  });

  it('falls back to skip + items when has_more comes without a cursor', async () => {
    const skips = await walk(async (skip) =>
      skip >= 100
        ? page(skip, 50, { hasMore: false, nextCursor: null })
        : page(skip, 100, { nextCursor: null }),
    );
    expect(skips).toEqual([0, 100]);
  });

  it('stops with an error when the server repeats a cursor', async () => {
    await expect(walk(async (skip) => page(skip, 100, { nextCursor: 0 }))).rejects.toMatchObject({
      kind: 'pagination',
    });
  });

  it('stops with an error on has_more with an empty page', async () => {
    await expect(walk(async (skip) => page(skip, 0))).rejects.toBeInstanceOf(DevinApiError);
  });

  it('stops with an error when pages never end', async () => {
    // Every page moves forward and is non-empty, but far more pages than `total` allows.
    await expect(walk(async (skip) => page(skip, 100, { total: 300 }))).rejects.toMatchObject({
      kind: 'pagination',
    });
  });
});
