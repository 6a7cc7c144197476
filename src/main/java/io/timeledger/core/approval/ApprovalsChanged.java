package io.timeledger.core.approval;

import io.timeledger.core.common.AccountId;

/** Published by a change of a week's approval: what this server remembers of the account's weeks is forgotten at commit. */
record ApprovalsChanged(AccountId account) {
}
