/**
 * The authoring guide's demonstration policy: a small made-up policy rendered on /authoring/ through the same
 * components as the payers' pages. It lives outside the policy folder so that it is never listed as a payer.
 */
export const DEMO_POLICY = 'src/content/policies-demo/demo-health.mdx';
