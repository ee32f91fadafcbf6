using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Groups;

/// <summary>An additional reviewer of a stored pairing.</summary>
public sealed class PairedAdditionalReviewer
{
    private PairedAdditionalReviewer()
    {
        Iso3 = "";
    }

    internal PairedAdditionalReviewer(AdditionalReviewer reviewer)
    {
        Iso3 = reviewer.Iso3;
        Instruments = reviewer.Instruments;
        ForSlot = reviewer.ForSlot;
    }

    public string Iso3 { get; private set; }

    public InstrumentSet Instruments { get; private set; }

    public ReviewerSlot ForSlot { get; private set; }

    public AdditionalReviewer ToAdditional() => new(Iso3, Instruments, ForSlot);
}
