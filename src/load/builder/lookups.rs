//! What an importer may ask of the files read so far: whether an actor,
//! event or source was declared already.

use super::Builder;

impl Builder {
    /// Whether an actor with this id was declared already.
    pub fn has_actor(&self, id: &str) -> bool {
        self.declared_actor_name(id).is_some()
    }

    /// The name of the actor with this id, if it was declared already.
    pub fn declared_actor_name(&self, id: &str) -> Option<&str> {
        let slot = self.actor_ids.get(&self.hasher, id)?;
        let actor = &self.actors[slot as usize];
        actor.file.map(|_| self.arena.get(actor.name))
    }

    /// Whether an event with this id was added already. The first call
    /// gathers the ids added so far; later calls add only the new ones.
    pub fn has_event(&mut self, id: &str) -> bool {
        let (seen, upto) = self.declared_ids.get_or_insert_default();
        for e in &self.events[*upto..] {
            seen.insert(self.event_refs.get(e.slot).to_string());
        }
        *upto = self.events.len();
        seen.contains(id)
    }

    /// Whether a source with this id was declared already.
    pub fn has_source(&self, id: &str) -> bool {
        self.source_ids
            .get(&self.hasher, id)
            .is_some_and(|slot| self.sources[slot as usize].file.is_some())
    }
}
