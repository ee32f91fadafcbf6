using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>A reviewer drawn for the instruments the reviewer of <see cref="ForSlot"/> is not party to, for those only.</summary>
public sealed record AdditionalReviewer(string Iso3, InstrumentSet Instruments, ReviewerSlot ForSlot);
