using Reviews.Api.Domain.Parties;
using Pb = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class PartyMapping
{
    public static Pb.Party ToProto(this Party party)
    {
        var message = new Pb.Party
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
            message.Ratifications.Add(new Pb.Ratification
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
