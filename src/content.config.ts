import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './lib/criteria/block-schema.ts';
import { POLICY_DIR } from './lib/criteria/load.ts';

/** One MDX file per payer (POLICIES_DIR may point elsewhere); the frontmatter schema is the same one `npm run check` uses. */
const policies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: POLICY_DIR }),
  schema: frontmatterSchema,
});

export const collections = { policies };
