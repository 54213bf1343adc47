import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { BackupVault } from 'aws-cdk-lib/aws-backup';
import type { Construct } from 'constructs';
import { backupCopyVaultName } from './operations';

/**
 * The vault in ap-northeast-3 (Osaka) that receives a copy of each daily table backup, so a copy
 * survives the loss of the home region and every copy of the data stays in Japan.
 */
export class BackupCopyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { stage: string }) {
    super(scope, id, props);
    new BackupVault(this, 'CopyVault', { backupVaultName: backupCopyVaultName(props.stage), removalPolicy: RemovalPolicy.RETAIN });
  }
}
