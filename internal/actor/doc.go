// Package actor codes the actors of noun phrases: it composes dictionary
// mentions (countries, agents, organisations, armed groups, people) into
// actor codes such as IRNGOV, resolves a person to the role held on the
// document's date and a role to its holder ("the Iranian president" in
// 2016 is Hassan Rouhani), and expands coordinations into one actor per
// member. It sits after clause (it reads noun phrases) and serves the
// quote and code stages.
//
// Takes: a parsed sentence with its mentions and the KB. Gives: doc.Actor
// values with spans into the document text. Read-only: safe for
// concurrent use.
package actor
