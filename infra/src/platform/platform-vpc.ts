import { RemovalPolicy } from 'aws-cdk-lib';
import {
  FlowLogDestination,
  GatewayVpcEndpointAwsService,
  IpAddresses,
  InterfaceVpcEndpointAwsService,
  Peer,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/** The AWS APIs Pulse's functions call, reached privately: no NAT, no internet egress. */
export const INTERFACE_ENDPOINTS = {
  EventBridge: InterfaceVpcEndpointAwsService.EVENTBRIDGE,
  Sqs: InterfaceVpcEndpointAwsService.SQS,
  Kms: InterfaceVpcEndpointAwsService.KMS,
  Logs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  Monitoring: InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
  XRay: InterfaceVpcEndpointAwsService.XRAY,
} as const;

export interface PlatformVpc {
  readonly vpc: Vpc;
  /** Functions' security group: HTTPS out to the VPC's endpoints only. */
  readonly securityGroup: SecurityGroup;
}

export function createPlatformVpc(scope: Construct, settings: EnvironmentSettings, key: IKey): PlatformVpc {
  const flowLogs = new LogGroup(scope, 'VpcFlowLogs', {
    logGroupName: `/pulse/${settings.name}/vpc/flow-logs`,
    encryptionKey: key,
    retention: settings.logRetentionDays,
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const vpc = new Vpc(scope, 'Vpc', {
    ipAddresses: IpAddresses.cidr(settings.vpc.cidr),
    maxAzs: settings.vpc.maxAzs,
    natGateways: 0,
    subnetConfiguration: [{ name: 'functions', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 22 }],
    flowLogs: { all: { destination: FlowLogDestination.toCloudWatchLogs(flowLogs) } },
  });
  // DynamoDB's gateway endpoint is free and needs no security group.
  vpc.addGatewayEndpoint('DynamoDbEndpoint', { service: GatewayVpcEndpointAwsService.DYNAMODB });

  const endpointsSecurityGroup = new SecurityGroup(scope, 'EndpointsSecurityGroup', {
    vpc,
    description: 'VPC interface endpoints: HTTPS from inside the VPC',
    allowAllOutbound: false,
  });
  endpointsSecurityGroup.addIngressRule(Peer.ipv4(settings.vpc.cidr), Port.tcp(443), 'HTTPS from the VPC');
  for (const [id, service] of Object.entries(INTERFACE_ENDPOINTS)) {
    vpc.addInterfaceEndpoint(`${id}Endpoint`, {
      service,
      privateDnsEnabled: true,
      securityGroups: [endpointsSecurityGroup],
      open: false,
    });
  }

  // HTTPS out to anywhere: the subnets have no route to the internet (no IGW, no NAT), so
  // this reaches only the interface endpoints and DynamoDB's gateway endpoint, whose
  // addresses come from a regional prefix list that offline synth cannot look up.
  const securityGroup = new SecurityGroup(scope, 'FunctionsSecurityGroup', {
    vpc,
    description: 'Pulse functions: HTTPS to AWS APIs through VPC endpoints',
    allowAllOutbound: false,
  });
  securityGroup.addEgressRule(Peer.anyIpv4(), Port.tcp(443), 'HTTPS to VPC endpoints (no internet route exists)');
  return { vpc, securityGroup };
}
