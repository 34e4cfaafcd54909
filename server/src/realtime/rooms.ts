/** socket.io room names, in one place (they cross processes through the Redis adapter). */
export const rooms = {
  /** Everyone following an atelier: its participants, walls and facilitators. */
  atelier: (id: string) => `atelier:${id}`,
  /** Participants currently in an atelier (the dashboard counts them). */
  present: (atelierId: string) => `present:${atelierId}`,
  /** All connections of one participant (tabs, devices). */
  participant: (id: string) => `participant:${id}`,
  /** Every connection of an event. */
  event: (id: string) => `event:${id}`,
  /** Watchers of one poster workshop board (its comments and reactions). */
  board: (id: string) => `board:${id}`,
  /** Facilitators of the whole event. */
  eventFacilitators: (eventId: string) => `fac:event:${eventId}`,
  /** Co-facilitators of one atelier (they get that atelier's slice of the dashboard). */
  coFacilitators: (atelierId: string) => `cofac:atelier:${atelierId}`,
  /** Facilitators (incl. co-facilitators) of one atelier. */
  atelierFacilitators: (atelierId: string) => `fac:atelier:${atelierId}`,
};
