"""Drawing and exporting a view: the offline vis-network page, pictures, data formats, slides."""
