using Reviews.Api.Domain.Parties;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class PartyMapping
{
    public static V1.Party ToProto(this Party party)
    {
        var message = new V1.Party
        {
            Iso3 = party.Iso3,
            Name = party.Name,
            RegionalGroup = party.RegionalGroup.ToProto(),
            Notes = party.Notes ?? "",
            PermanentMissionEmail = party.PermanentMissionEmail ?? "",
            CorrespondenceLanguage = party.CorrespondenceLanguage.ToProto(),
        };
        message.DoubtfulInstruments.AddRange(party.DoubtfulInstruments.ToProto());
        foreach (var ratification in party.Ratifications.OrderBy(r => r.Instrument))
        {
            message.Ratifications.Add(new V1.Ratification
            {
                Instrument = ratification.Instrument.ToProto(),
                Date = ratification.Date.ToProto(),
                Precision = ratification.Precision.ToProto(),
                Source = ratification.Source ?? "",
                EffectiveFrom = ratification.Precision == DatePrecision.NotRecorded ? null : ratification.EffectiveFrom.ToProto(),
            });
        }
        return message;
    }
}
