import type { Campaign, Character, Company, PaginatedResponse, User } from '@sdkforge/valentina';
import { campaignsService } from '@sdkforge/valentina';

function describeCampaign(campaign: Campaign): string {
  return `${campaign.name} (danger ${campaign.danger}, desperation ${campaign.desperation})`;
}

const page: PaginatedResponse<Campaign> = await campaignsService(
  '019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70',
).getPage();
console.log(page.items.map(describeCampaign));

export type { Character, Company, User };
