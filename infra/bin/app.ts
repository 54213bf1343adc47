import { App } from 'aws-cdk-lib';
import { ManabiStack } from '../lib/manabi-stack';

const app = new App();

// `cdk synth -c stage=prod` → stack Manabi-prod. Env-agnostic: account/region come from the
// credentials used at deploy time, and nothing in the stack needs a lookup.
const stage: unknown = app.node.tryGetContext('stage') ?? 'dev';
if (typeof stage !== 'string' || !/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
  throw new Error(`context "stage" must be lowercase letters, digits or dashes; got ${JSON.stringify(stage)}`);
}

new ManabiStack(app, `Manabi-${stage}`, { stage });
