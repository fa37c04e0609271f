import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './lib/criteria/block-schema.ts';

/** One MDX file per payer; the frontmatter schema is the same one `npm run check` uses. */
const policies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/policies' }),
  schema: frontmatterSchema,
});

export const collections = { policies };
