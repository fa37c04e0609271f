import { defineCollection } from 'astro:content';
import { frontmatterSchema } from './lib/criteria/block-schema.ts';
import { policyLoader } from './integrations/policy-loader.ts';

/**
 * One MDX file per payer (POLICIES_DIR may point elsewhere); the frontmatter schema is the same one `npm run check`
 * uses, and the loader reports frontmatter mistakes with its file:line:column (policy-loader.ts).
 */
const policies = defineCollection({
  loader: policyLoader(),
  schema: frontmatterSchema,
});

export const collections = { policies };
