import { Stack, type CfnResource } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { acknowledge } from './nag';
import { GSIS } from '../../packages/data/src/table';
import { ITEM_READ_ACTIONS, ITEM_WRITE_ACTIONS } from './tenant-isolation';

/**
 * Item reads and writes on the table and its indexes, named one by one: never Scan (every read is a
 * GetItem or Query on a designed key) and no table management. Replaces `grantReadWriteData`,
 * which includes Scan and a wildcard over the indexes.
 */
export function grantItemAccess(table: ITable, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
      resources: [table.tableArn, ...GSIS.map((g) => `${table.tableArn}/index/${g.name}`)],
    }),
  );
}

/**
 * The object operations the app makes (packages/data/src/objects.ts: Get, Head, Put, Delete, and
 * presigned GET/PUT signed by the function's role). ListBucket lets a HEAD of a missing object
 * answer 404 rather than 403.
 */
export function grantObjectAccess(bucket: IBucket, grantee: IGrantable & IConstruct): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [bucket.arnForObjects('*')] }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  const stack = Stack.of(bucket);
  const bucketId = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as CfnResource)) as string;
  acknowledge(grantee, [
    {
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'Objects are keyed per company and vendor by objectKeys (brand/, files/, scorm/, certificates/, staging/) and the function serves all of them; the tenant is checked in the app before any key is built',
    },
  ]);
}
