import { md5Hex, md5OfMessageAttributes } from './md5';
import { postQuery, startHarness, xmlText, xmlTexts, type Harness } from './spec-support';

/** Raw form posts shaped as the AWS CLI 2.9 (botocore, Query protocol) sends them. */
describe('Query protocol (form-encoded Action, XML answers)', () => {
  let harness: Harness;
  let endpoint: string;

  beforeEach(async () => {
    harness = await startHarness();
    endpoint = harness.server.endpoint;
  });

  afterEach(async () => {
    await harness.close();
  });

  it('creates, lists and describes queues', async () => {
    // Prepare
    const created = await postQuery(endpoint, { Action: 'CreateQueue', QueueName: 'pulse-dlq', 'Attribute.1.Name': 'VisibilityTimeout', 'Attribute.1.Value': '90' });

    // Act
    const listed = await postQuery(endpoint, { Action: 'ListQueues', QueueNamePrefix: 'pulse' });
    const url = await postQuery(endpoint, { Action: 'GetQueueUrl', QueueName: 'pulse-dlq' });
    const attributes = await postQuery(endpoint, { Action: 'GetQueueAttributes', QueueUrl: harness.server.queueUrl('pulse-dlq'), 'AttributeName.1': 'All' });

    // Assess
    expect(created.status).toBe(200);
    expect(created.xml).toMatch(/^<\?xml version="1.0"\?><CreateQueueResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/"><CreateQueueResult>/);
    expect(xmlText(created.xml, 'QueueUrl')).toBe(harness.server.queueUrl('pulse-dlq'));
    expect(xmlText(created.xml, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(xmlTexts(listed.xml, 'QueueUrl')).toEqual([harness.server.queueUrl('pulse-dlq')]);
    expect(xmlText(url.xml, 'QueueUrl')).toBe(harness.server.queueUrl('pulse-dlq'));
    expect(attributes.xml).toContain('<Attribute><Name>VisibilityTimeout</Name><Value>90</Value></Attribute>');
    expect(attributes.xml).toContain('<Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:us-east-1:000000000000:pulse-dlq</Value></Attribute>');
    expect(attributes.xml).toContain('<Attribute><Name>ApproximateNumberOfMessagesNotVisible</Name><Value>0</Value></Attribute>');
  });

  it('sends with message attributes, receives with system attributes, and deletes', async () => {
    // Prepare
    const queueUrl = harness.server.createQueue('dlq');
    const body = 'line 1\r\nline 2 <tag> & "quotes"';

    // Act
    const sent = await postQuery(endpoint, {
      Action: 'SendMessage',
      QueueUrl: queueUrl,
      MessageBody: body,
      'MessageAttribute.1.Name': 'ERROR_CODE',
      'MessageAttribute.1.Value.DataType': 'String',
      'MessageAttribute.1.Value.StringValue': 'Lambda.Timeout',
      'MessageAttribute.2.Name': 'ATTEMPTS',
      'MessageAttribute.2.Value.DataType': 'Number',
      'MessageAttribute.2.Value.StringValue': '3',
    });
    const received = await postQuery(endpoint, {
      Action: 'ReceiveMessage',
      QueueUrl: queueUrl,
      'AttributeName.1': 'All',
      'MessageAttributeName.1': 'All',
      MaxNumberOfMessages: '10',
    });
    const handle = xmlText(received.xml, 'ReceiptHandle') ?? '';
    const deleted = await postQuery(endpoint, { Action: 'DeleteMessage', QueueUrl: queueUrl, ReceiptHandle: handle });

    // Assess
    const attributesMd5 = md5OfMessageAttributes({
      ERROR_CODE: { DataType: 'String', StringValue: 'Lambda.Timeout' },
      ATTEMPTS: { DataType: 'Number', StringValue: '3' },
    });
    expect(sent.status).toBe(200);
    expect(xmlText(sent.xml, 'MD5OfMessageBody')).toBe(md5Hex(body));
    expect(xmlText(sent.xml, 'MD5OfMessageAttributes')).toBe(attributesMd5);
    expect(xmlText(received.xml, 'MessageId')).toBe(xmlText(sent.xml, 'MessageId'));
    expect(xmlText(received.xml, 'Body')).toBe('line 1&#xD;\nline 2 &lt;tag&gt; &amp; &quot;quotes&quot;');
    expect(xmlText(received.xml, 'MD5OfBody')).toBe(md5Hex(body));
    expect(received.xml).toContain('<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>');
    expect(received.xml).toContain(
      '<MessageAttribute><Name>ERROR_CODE</Name><Value><DataType>String</DataType><StringValue>Lambda.Timeout</StringValue></Value></MessageAttribute>',
    );
    expect(deleted.xml).toMatch(/^<\?xml version="1.0"\?><DeleteMessageResponse [^>]*><ResponseMetadata><RequestId>/);
    expect(harness.server.peekMessages('dlq')).toEqual([]);
  });

  it('handles batches and reports per-entry failures as BatchResultErrorEntry', async () => {
    // Prepare
    const queueUrl = harness.server.createQueue('dlq');

    // Act
    const batch = await postQuery(endpoint, {
      Action: 'SendMessageBatch',
      QueueUrl: queueUrl,
      'SendMessageBatchRequestEntry.1.Id': 'ok',
      'SendMessageBatchRequestEntry.1.MessageBody': 'fine',
      'SendMessageBatchRequestEntry.2.Id': 'bad',
      'SendMessageBatchRequestEntry.2.MessageBody': 'typed wrong',
      'SendMessageBatchRequestEntry.2.MessageAttribute.1.Name': 'n',
      'SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.DataType': 'Colour',
      'SendMessageBatchRequestEntry.2.MessageAttribute.1.Value.StringValue': 'red',
    });

    // Assess
    expect(batch.status).toBe(200);
    expect(batch.xml).toMatch(/<SendMessageBatchResultEntry><Id>ok<\/Id><MessageId>[0-9a-f-]{36}<\/MessageId><MD5OfMessageBody>/);
    expect(batch.xml).toMatch(/<BatchResultErrorEntry><Id>bad<\/Id><SenderFault>true<\/SenderFault><Code>InvalidParameterValue<\/Code><Message>[^<]+<\/Message><\/BatchResultErrorEntry>/);
    expect(harness.server.peekMessages('dlq').map((message) => message.body)).toEqual(['fine']);
  });

  it('answers errors in the Query error shape with the legacy codes', async () => {
    // Prepare
    const missing = harness.server.queueUrl('nope');

    // Act
    const noQueue = await postQuery(endpoint, { Action: 'SendMessage', QueueUrl: missing, MessageBody: 'x' });
    const noAction = await postQuery(endpoint, { Action: 'Teleport' });

    // Assess
    expect(noQueue.status).toBe(400);
    expect(noQueue.xml).toMatch(/^<\?xml version="1.0"\?><ErrorResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/"><Error><Type>Sender<\/Type>/);
    expect(xmlText(noQueue.xml, 'Code')).toBe('AWS.SimpleQueueService.NonExistentQueue');
    expect(xmlText(noQueue.xml, 'Message')).toBe('The specified queue does not exist.');
    expect(xmlText(noAction.xml, 'Code')).toBe('InvalidAction');
  });

  it('accepts the older style that names the queue by the request path', async () => {
    // Prepare
    harness.server.createQueue('dlq');

    // Act
    const sent = await postQuery(endpoint, { Action: 'SendMessage', MessageBody: 'by path' }, '/000000000000/dlq');

    // Assess
    expect(sent.status).toBe(200);
    expect(harness.server.peekMessages('dlq').map((message) => message.body)).toEqual(['by path']);
  });
});
