import type { VoteRepository } from '@qcdc/core';
import type { Services } from '../services';
import type { TableClientFactory } from './table-client-factory';
import { TableVoteRepository } from './vote-store';

const repositories = new WeakMap<Services, VoteRepository>();

/**
 * The vote store for these services: `services.votes` when the composition root provides one, else
 * a TableVoteRepository over the table client factory createServices returns alongside Services.
 * One per services object, so the ballot box's group commit is shared by every request.
 */
export function voteRepositoryFor(services: Services): VoteRepository {
  const extended = services as Services & {
    votes?: VoteRepository;
    tables?: TableClientFactory;
  };
  if (extended.votes) return extended.votes;
  let repository = repositories.get(services);
  if (!repository) {
    if (!extended.tables) throw new Error('vote routes need the table client factory');
    repository = new TableVoteRepository(extended.tables);
    repositories.set(services, repository);
  }
  return repository;
}
