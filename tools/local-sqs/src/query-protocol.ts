import type { OperationContext } from './operation';
import { operations } from './operations';
import type { ProtocolResponse } from './json-protocol';
import { internalError } from './json-protocol';
import { queryToInput } from './query-input';
import { queryErrorXml, queryResponseXml } from './query-xml';
import { SqsError } from './sqs-error';

const CONTENT_TYPE = 'text/xml';

/**
 * The Query protocol (form-encoded `Action=…`, XML answers), as the AWS CLI 2.9 sends it.
 * The queue may be named by `QueueUrl` or, in the older style, by the request path.
 */
export async function handleQueryRequest(params: URLSearchParams, path: string, context: OperationContext, requestId: string): Promise<ProtocolResponse> {
  try {
    const action = params.get('Action');
    if (!action) throw new SqsError('MissingAction', 'The request must contain the parameter Action.');
    const operation = operations[action];
    if (!operation) throw new SqsError('InvalidAction', `The action ${action} is not valid for this endpoint.`);
    const input = queryToInput(params);
    if (input.QueueUrl === undefined && path.split('/').filter(Boolean).length >= 2) input.QueueUrl = path;
    const output = await operation(input, context);
    return { status: 200, headers: { 'content-type': CONTENT_TYPE }, body: queryResponseXml(action, output, requestId) };
  } catch (error) {
    const sqsError = error instanceof SqsError ? error : internalError(error);
    return { status: sqsError.status, headers: { 'content-type': CONTENT_TYPE }, body: queryErrorXml(sqsError, requestId) };
  }
}
