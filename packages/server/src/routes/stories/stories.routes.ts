import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  pageQuerySchema,
  sharedStorySchema,
  storyCreateSchema,
  storyListQuerySchema,
  storyReturnSchema,
  storySchema,
  storyUpdateSchema,
} from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  idempotencyHeaders,
  ifMatchHeaders,
  jsonBody,
  jsonResponse,
  pathId,
} from '../../http/openapi.js';

const Story = storySchema.meta({ id: 'Story' });
const SharedStory = sharedStorySchema.meta({ id: 'SharedStory' });
const tags = ['Stories'];
const pairParams = pathId('pairId', idOf('pair'));
const storyParams = pathId('storyId', idOf('story'));

export const createStoryRoute = createRoute({
  method: 'post',
  path: '/v1/pairs/{pairId}/stories',
  tags,
  summary: 'Write a story of what changed for the pair',
  description:
    'Only the two people of the pair. A new story is a draft: it is published once both agree and an admin approves.',
  request: {
    params: pairParams,
    headers: idempotencyHeaders,
    body: jsonBody(storyCreateSchema.meta({ id: 'StoryCreate' })),
  },
  responses: { 201: jsonResponse(Story, 'The new story'), ...bodyErrorResponses(404, 409, 413, 422) },
});

export const listPairStoriesRoute = createRoute({
  method: 'get',
  path: '/v1/pairs/{pairId}/stories',
  tags,
  summary: "A pair's stories, newest first, in every state",
  description: 'Only the two people of the pair: drafts are theirs alone.',
  request: { params: pairParams, query: pageQuerySchema },
  responses: {
    200: jsonResponse(listOf(Story).meta({ id: 'StoryList' }), 'One page'),
    ...errorResponses(404),
  },
});

export const listStoriesRoute = createRoute({
  method: 'get',
  path: '/v1/stories',
  tags,
  summary: "The organisation's published stories, or those awaiting approval",
  description:
    'Published stories, newest first, for everyone in the organisation, with the names and titles both sides ' +
    'agreed to show and no ids. `status=awaiting-approval`: the stories both sides agreed to and no admin ' +
    'approved yet, longest waiting first, for admins only (403 for others); never a draft.',
  request: { query: storyListQuerySchema },
  responses: {
    200: jsonResponse(listOf(SharedStory).meta({ id: 'SharedStoryList' }), 'One page'),
    ...errorResponses(403),
  },
});

export const getStoryRoute = createRoute({
  method: 'get',
  path: '/v1/stories/{storyId}',
  tags,
  summary: 'One story of your pair',
  description: 'Only the two people of the pair; others read published stories through the list.',
  request: { params: storyParams },
  responses: { 200: jsonResponse(Story, 'The story, with its ETag'), ...errorResponses(404) },
});

export const updateStoryRoute = createRoute({
  method: 'patch',
  path: '/v1/stories/{storyId}',
  tags,
  summary: 'Change the story',
  description:
    'Either side of the pair. A change of what it says withdraws the other side’s agreement, so a published ' +
    'story is taken down until both agree and an admin approves again. Send If-Match.',
  request: {
    params: storyParams,
    headers: ifMatchHeaders,
    body: jsonBody(storyUpdateSchema.meta({ id: 'StoryUpdate' })),
  },
  responses: { 200: jsonResponse(Story, 'The changed story'), ...bodyErrorResponses(404, 409, 412, 422) },
});

export const agreeStoryRoute = createRoute({
  method: 'post',
  path: '/v1/stories/{storyId}/agreement',
  tags,
  summary: 'Agree to publish the story, for your own side',
  description:
    'Either side of the pair, for the version named in If-Match (412 if the other side changed it since). ' +
    'With both sides agreed, it waits for an admin’s approval.',
  request: { params: storyParams, headers: ifMatchHeaders },
  responses: {
    200: jsonResponse(Story, 'The story, with your agreement'),
    ...errorResponses(404, 409, 412, 422),
  },
});

export const withdrawAgreementRoute = createRoute({
  method: 'delete',
  path: '/v1/stories/{storyId}/agreement',
  tags,
  summary: 'Withdraw your agreement to publish',
  description: 'Either side of the pair, at any time: a published story is taken down at once.',
  request: { params: storyParams, headers: ifMatchHeaders },
  responses: {
    200: jsonResponse(Story, 'The story, without your agreement'),
    ...errorResponses(404, 409, 412, 422),
  },
});

export const approveStoryRoute = createRoute({
  method: 'post',
  path: '/v1/stories/{storyId}/approval',
  tags,
  summary: 'Approve a story both sides agreed to: it is published',
  description:
    'Admins only (403 for others). The story must await approval: a draft or a returned story is 404, as an ' +
    'admin never reads one; a withdrawal or a change since the version in If-Match is 412.',
  request: { params: storyParams, headers: ifMatchHeaders },
  responses: {
    200: jsonResponse(SharedStory, 'The published story'),
    ...errorResponses(403, 404, 409, 412, 422),
  },
});

export const returnStoryRoute = createRoute({
  method: 'post',
  path: '/v1/stories/{storyId}/return',
  tags,
  summary: 'Return a story to its pair with a note, or take a published one down',
  description:
    'Admins only (403 for others), for a story awaiting approval or published. Both agreements are withdrawn: ' +
    'the pair reads the note, changes the story and agrees again.',
  request: {
    params: storyParams,
    headers: ifMatchHeaders,
    body: jsonBody(storyReturnSchema.meta({ id: 'StoryReturn' })),
  },
  responses: {
    200: jsonResponse(SharedStory, 'The story, back with its pair'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});
