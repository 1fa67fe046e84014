// A complete, valid story form: tests change the fields they are about.
export const STORY = {
  title: "Best Buy cancelled my Lumia 920 twice",
  company: "Nokia",
  other_party: "Best Buy",
  product: "Lumia 920",
  country: "US",
  channel: "email",
  escalated_to: "ceo",
  answered_by: "executive_relations",
  escalated_date: "2024-03-01",
  escalated_time: "09:15",
  first_response_date: "2024-03-01",
  first_response_time: "19:45",
  resolved_date: "2024-03-03",
  resolved_time: "12:00",
  outcome: "goodwill",
  body: "The retailer cancelled **twice**. I wrote to the CEO.\n\n- a list item",
};
